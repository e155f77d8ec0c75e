"""The language of the windows: Qt translators loaded from resources/i18n/.

Source strings are Vietnamese (the product's language); `motcua_en.qm` turns them into English. Qt's own strings
(standard dialog buttons, the text fields' menu) are English in Qt and Qt ships no Vietnamese for them, so
`qt_vi.qm` (written by hand in qt_vi.ts) turns them into Vietnamese. Both are compiled by `make translations`
(docs/translations.md). Switching at run time posts a LanguageChange event to every widget; a window that offers
the switch (the kiosk) sets its texts again on that event.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.domain.messages import Message, localized
from app.resources import resource

LANGUAGES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"

# per language, the compiled catalogues to load, most specific first
_CATALOGUES: dict[str, tuple[str, ...]] = {"vi": ("qt_vi.qm",), "en": ("motcua_en.qm",)}
_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def catalogue_path(name: str) -> str:
    """The file of a compiled catalogue shipped in resources/i18n/."""
    return str(resource("i18n", name))


def use(language: str) -> None:
    """Make `language` the language of every window from now on; before the QApplication exists this only
    records the choice, which `install` applies when it does."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"ngôn ngữ không có: {language!r} (có: {', '.join(LANGUAGES)})")
    _current = language
    if QCoreApplication.instance() is not None:
        install()


def install() -> None:
    """Load the current language's catalogues into the running application (replacing any loaded before)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("i18n.install needs the QApplication")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    for name in _CATALOGUES[_current]:
        translator = QTranslator(app)
        if not translator.load(catalogue_path(name)):
            raise RuntimeError(f"không nạp được bản dịch {name}")
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if _current == "vi" else QLocale.Language.English,
                               QLocale.Country.Vietnam))


def current() -> str:
    """The language the windows are in."""
    return _current


def text_of(value: object) -> str:
    """What to show of `value` in the windows' language: a marked message of a lower layer (app.domain.messages)
    or an exception carrying one is translated through the loaded catalogues; anything else is `str(value)`."""
    return localized(value, QCoreApplication.translate)


def fill(text: str, *values: object) -> str:
    """A translated text with its numbered placeholders filled: `fill(self.tr("Số %1 tại quầy %2"), n, q)` (the one
    placeholder style of the catalogue, so a translator may reorder them; a value is never read as a placeholder)."""
    return Message("", text, values)
