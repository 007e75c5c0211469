"""Scam detection parts: the playbook rules, link analysis against official domains, masking and the classifier.

The detector that puts them together is :mod:`kiemchung.detectors.scam`.
"""
