"""One error family: every error we explain derives from MotcuaError; environment faults apart from refusals."""

from __future__ import annotations

import errno

import pytest

from app.config import ConfigError
from app.devices.keypad import KeypadConfigError
from app.devices.transport import DeviceError
from app.domain.errors import (DiskFull, DomainError, EnvironmentFault, FormErrors, MotcuaError, NotFound,
                               ValidationError, disk_fault)
from app.services.accounts import SignInFailed
from app.store.engine import StoreUnavailable
from app.store.lean_sqlite import LeanStoreError, SchemaNotCurrent


@pytest.mark.parametrize("kind", [StoreUnavailable, DeviceError, LeanStoreError, SchemaNotCurrent, DiskFull])
def test_environment_faults(kind: type[Exception]) -> None:
    assert issubclass(kind, EnvironmentFault) and issubclass(kind, MotcuaError)
    assert not issubclass(kind, DomainError)


@pytest.mark.parametrize("kind", [DomainError, ValidationError, FormErrors, NotFound, SignInFailed, ConfigError,
                                  KeypadConfigError])
def test_refusals_are_of_the_family_but_not_environment(kind: type[Exception]) -> None:
    assert issubclass(kind, MotcuaError) and not issubclass(kind, EnvironmentFault)


def test_keypad_config_error_is_still_a_value_error() -> None:
    assert issubclass(KeypadConfigError, ValueError)  # callers that caught ValueError keep working


def test_a_full_disk_is_an_environment_fault_and_other_os_errors_are_not() -> None:
    full = disk_fault(OSError(errno.ENOSPC, "No space left on device"), "báo cáo")
    assert isinstance(full, DiskFull) and str(full) == "Không ghi được báo cáo: ổ đĩa đã đầy"
    assert disk_fault(OSError(errno.ENOENT, "No such file")) is None
    assert disk_fault(ValueError("x")) is None
