"""Policy packs: per-label thresholds, actions and the published rule each label refers to.

A label is looked up by its full name ("privacy.phone"), then by its category ("privacy").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kiemchung.errors import ConfigError

ACTIONS = frozenset({"review", "redact", "advisory", "ignore"})


@dataclass(frozen=True, slots=True)
class LabelPolicy:
    threshold: float
    action: str
    rule: str


@dataclass(frozen=True)
class PolicyPack:
    name: str
    version: int
    labels: dict[str, LabelPolicy]
    rules: dict[str, str]

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"

    def for_label(self, label: str) -> LabelPolicy:
        if label in self.labels:
            return self.labels[label]
        cat = label.split(".", 1)[0]
        if cat in self.labels:
            return self.labels[cat]
        return LabelPolicy(threshold=0.5, action="review", rule="")

    def rule_text(self, rule: str) -> str:
        return self.rules.get(rule, rule)


def _parse(data: dict[str, Any], origin: str) -> PolicyPack:
    try:
        rules = {str(k): str(v) for k, v in data.get("rules", {}).items()}
        labels: dict[str, LabelPolicy] = {}
        for label, spec in data.get("labels", {}).items():
            thr = float(spec.get("threshold", 0.5))
            if not 0.0 <= thr <= 1.0:
                raise ConfigError(f"{origin}: labels.{label}.threshold must be within 0..1, got {thr}")
            action = str(spec.get("action", "review"))
            if action not in ACTIONS:
                raise ConfigError(f"{origin}: labels.{label}.action must be one of {sorted(ACTIONS)}, got {action!r}")
            rule = str(spec.get("rule", ""))
            if rule and rule not in rules:
                raise ConfigError(f"{origin}: labels.{label}.rule {rule!r} is not defined under [rules]")
            labels[str(label)] = LabelPolicy(thr, action, rule)
        return PolicyPack(str(data["name"]), int(data["version"]), labels, rules)
    except ConfigError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{origin}: invalid policy pack ({exc})") from exc


def load_policy(path: str | Path | None = None) -> PolicyPack:
    """Load a policy pack from a TOML file, or the shipped default pack."""
    if path is None:
        text = resources.files("kiemchung.policy").joinpath("packs/default.toml").read_text("utf-8")
        origin = "default.toml"
    else:
        p = Path(path)
        try:
            text = p.read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"{p}: cannot read policy pack ({exc.strerror})") from exc
        origin = str(p)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: {exc}") from exc
    return _parse(data, origin)
