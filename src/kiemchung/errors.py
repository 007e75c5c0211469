"""Every error Kiểm Chứng raises on purpose.

    KiemChungError
    ├── InputError            bad user input: names the file, the record and the reason
    │   └── ImportFormatError an export or feed that cannot be imported (nothing is written)
    ├── ModelError            a shipped model is missing, corrupt or of the wrong version
    ├── ConfigError           a policy pack or setting is invalid
    ├── StoreError            the database refused or the schema is out of date
    │   ├── AuditIntegrityError  the audit chain was edited or broken
    │   ├── NotFoundError        (kiemchung.store) a record that does not exist or is outside the actor's scope
    │   └── InvalidTransitionError (kiemchung.store) a state change the review state machine forbids
    └── PermissionDeniedError an account tried something outside its role
"""

from __future__ import annotations


class KiemChungError(Exception):
    """Base of every error raised on purpose by kiemchung."""


class InputError(KiemChungError):
    """Bad input: the message names the file, the record (line) and the reason."""

    def __init__(self, reason: str, *, file: str | None = None, record: int | str | None = None) -> None:
        self.reason = reason
        self.file = file
        self.record = record
        where = ""
        if file is not None:
            where = f"{file}"
            if record is not None:
                where += f", bản ghi {record}"
            where += ": "
        elif record is not None:
            where = f"bản ghi {record}: "
        super().__init__(f"{where}{reason}")


class ImportFormatError(InputError):
    """A platform export or feed that cannot be imported; the import wrote nothing."""


class ModelError(KiemChungError):
    """A shipped model is missing, corrupt or of an unexpected version."""


class ConfigError(KiemChungError):
    """A policy pack or setting is invalid."""


class StoreError(KiemChungError):
    """The database refused an operation or its schema is out of date."""


class AuditIntegrityError(StoreError):
    """The audit chain does not verify: a row was edited, inserted or deleted."""


class PermissionDeniedError(KiemChungError):
    """An account attempted an action its role does not cover."""
