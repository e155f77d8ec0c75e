"""The size test again in English and in the pseudo-locale (every string ~40 % longer, tests/ui/pseudo.py): every
station keeps its texts whole at the common office size when a translation is longer than the Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from app.services.context import Context
from app.ui import i18n
from fit import clipped_texts
from pseudo import pseudo_locale
from test_station_sizes import STATIONS, every_view, open_at

LANGUAGES = ("en", "pseudo")
CASES = [(language, name) for language in LANGUAGES for name in STATIONS]


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """The windows built inside speak `language` (English, or the pseudo-locale over Vietnamese)."""
    if language == "pseudo":
        with pseudo_locale():
            yield
        return
    i18n.use(language)
    try:
        yield
    finally:
        i18n.use("vi")


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.usefixtures("station_look")
@pytest.mark.parametrize(("language", "name"), CASES, ids=[f"{n}-{lang}" for lang, n in CASES])
def test_nothing_is_clipped_in_a_longer_language(qtbot, ten_calls: Context, language: str,  # type: ignore[no-untyped-def]
                                                 name: str) -> None:
    width, height = 1366, 768
    with speaking(language):
        window = open_at(qtbot, ten_calls, name, width, height)
        assert (window.width(), window.height()) == (width, height)
        problems = {view: clipped_texts(window) for view in every_view(qtbot, window)}
        window.close()
    assert {view: found for view, found in problems.items() if found} == {}


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.usefixtures("station_look")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_hall_display_in_a_longer_language(qtbot, ten_calls: Context, language: str) -> None:  # type: ignore[no-untyped-def]
    from app.ui.stations.display import DEFAULT_NOTICE, DisplayWindow

    with speaking(language):
        window = DisplayWindow(ten_calls, None, DEFAULT_NOTICE)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitUntil(lambda: window.loaded and not window.worker.busy, timeout=20_000)
        qtbot.waitUntil(lambda: window.shown_ticket(10) != "", timeout=5_000)
        qtbot.wait(50)
        problems = clipped_texts(window)
        window.close()
    assert problems == []
