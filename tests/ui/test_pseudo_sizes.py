"""The size test again in the pseudo-locale (every string ~40 % longer, tests/ui/pseudo.py): the stations keep
their texts whole at the common office size when a translation is longer than the Vietnamese."""

from __future__ import annotations

import pytest

from app.services.context import Context
from fit import clipped_texts
from pseudo import pseudo_locale
from test_station_sizes import STATIONS, every_view, open_at

PSEUDO_CASES = [(name, (1366, 768)) for name in STATIONS]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.usefixtures("station_look")
@pytest.mark.parametrize(("name", "size"), PSEUDO_CASES, ids=[f"{n}-{w}x{h}" for n, (w, h) in PSEUDO_CASES])
def test_nothing_is_clipped_in_the_pseudo_locale(qtbot, ten_calls: Context, name: str,  # type: ignore[no-untyped-def]
                                                 size: tuple[int, int]) -> None:
    width, height = size
    with pseudo_locale():
        window = open_at(qtbot, ten_calls, name, width, height)
        assert (window.width(), window.height()) == (width, height)
        problems = {view: clipped_texts(window) for view in every_view(qtbot, window)}
        window.close()
    assert {view: found for view, found in problems.items() if found} == {}
