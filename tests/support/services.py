"""Skipping for want of a service or program, except where the run requires every one."""

import os
from typing import NoReturn

import pytest


def services_required() -> bool:
    """Whether this run must have every service and program its tests use (Redis, PostgreSQL's
    server programs, gunicorn, Java): .ci/run sets PRESSREVIEW_REQUIRE_SERVICES=1."""
    return bool(os.environ.get("PRESSREVIEW_REQUIRE_SERVICES"))


def skip_or_fail(reason: str) -> NoReturn:
    """Skip a test for want of a service or program on a developer's machine; fail it where
    the run requires every service, so that CI never passes by skipping."""
    __tracebackhide__ = True  # reported at the caller's line
    if services_required():
        pytest.fail(f"{reason} (PRESSREVIEW_REQUIRE_SERVICES is set: this run may not skip)")
    pytest.skip(reason)
