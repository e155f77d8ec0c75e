"""require_tool: a missing tool skips the test on a developer's machine and fails it under CI=true."""

from __future__ import annotations

import pytest

from tests import tooling


def test_a_present_tool_gives_its_path() -> None:
    assert tooling.require_tool("sh").endswith("/sh")


def test_a_missing_tool_skips_here_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tooling, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception, match="motcua-no-such-tool is not installed"):
        tooling.require_tool("motcua-no-such-tool")
    monkeypatch.setattr(tooling, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        tooling.require_tool("motcua-no-such-tool")
