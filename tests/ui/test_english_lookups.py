"""Every Vietnamese text a window asks the catalogue for in English is in it, translated.

`self.tr(variable)` translates only when lupdate saw the same (context, text) marked somewhere as a literal: a
table of plain strings looked up through a variable reads Vietnamese in an English window, and the catalogue test
(test_translations.py) cannot see it, since nothing was marked. Here a translator that answers nothing records
every lookup the windows make while they are opened in English (the stations, the counter serving a priority
citizen, the dossier window, the hall display, every tab of the supervisor's and the administrator's windows), and
each lookup of a Vietnamese text in one of our contexts must find its English in motcua_en.ts."""

from __future__ import annotations

import ast
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from app.services import accounts, queue
from app.services.context import Context
from app.ui import i18n
from tests.ui.conftest import WAIT_MS, late_dossier, wait_idle
from tests.ui.test_station_sizes import every_view, open_at

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "motcua_en.ts"


class RecordingTranslator(QTranslator):
    """Records each (context, source) Qt asks for and answers nothing, so the real catalogues answer."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        self.asked.add((context, source))
        return None  # a null QString: Qt asks the next translator ("" would be taken as the translation)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def _finished_translations() -> tuple[set[str], set[tuple[str, str]]]:
    """The catalogue's contexts, and its (context, source) pairs that have an English text."""
    root = ET.parse(CATALOGUE).getroot()
    contexts, done = set(), set()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        contexts.add(name)
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and (translation.text or "").strip():
                done.add((name, message.findtext("source") or ""))
    return contexts, done


def _our_contexts() -> set[str]:
    """The contexts our code may look a text up in: its classes (self.tr) and its modules' names
    (QCoreApplication.translate("display", …))."""
    paths = sorted((ROOT / "app").rglob("*.py"))
    return {path.stem for path in paths} | {node.name for path in paths
                                             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                                             if isinstance(node, ast.ClassDef)}


def _vietnamese(text: str) -> bool:
    return any(ord(c) > 127 and unicodedata.category(c).startswith("L") for c in text)


def untranslated(asked: set[tuple[str, str]]) -> list[str]:
    """The recorded lookups of a Vietnamese text in one of our contexts that find no English."""
    contexts, done = _finished_translations()
    ours = contexts | _our_contexts()
    return sorted(f"{context}: {source}" for context, source in asked
                  if context in ours and _vietnamese(source) and (context, source) not in done)


def _open_windows(qtbot, ctx: Context) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """One pass over the windows, each shown with its loads done, every tab visited, then closed; a few texts
    they showed."""
    from app.domain.lifecycle import Action
    from app.ui.stations.counter.registrations import RegistrationsDialog
    from app.ui.stations.display import DEFAULT_NOTICE, DisplayWindow
    from app.ui.stations.dossier_actions import ActionDialog
    from app.ui.stations.dossier_view import DossierViewDialog
    from app.ui.stations.intake.not_received import FormRequestDialog

    kiosk = open_at(qtbot, ctx, "kiosk", 1366, 768)
    kiosk.priority_buttons["elderly"].click()  # type: ignore[attr-defined]
    with qtbot.waitSignal(kiosk.ticket_issued, timeout=WAIT_MS):  # type: ignore[attr-defined]
        kiosk.service_buttons["TKQ"].click()  # type: ignore[attr-defined]
    shown = {"kiosk": kiosk.confirmation_text()}  # type: ignore[attr-defined]
    kiosk.close()

    counter = open_at(qtbot, ctx, "counter", 1366, 768)  # counter 1 called the elderly citizen's number
    qtbot.keyClick(counter, Qt.Key.Key_F3)  # serving
    wait_idle(qtbot, counter)
    shown |= {"counter": counter.state.text(), "badge": counter.priority.text()}  # type: ignore[attr-defined]
    counter.close()

    code = late_dossier(ctx, "DEMO.SXD.004", 30)
    dossier = DossierViewDialog(ctx, code, actor=accounts.sign_in(ctx, "canbo02", "canbo123"))
    qtbot.addWidget(dossier)
    dossier.resize(1100, 720)
    dossier.show()
    qtbot.waitUntil(lambda: dossier.dossier is not None and not dossier.worker.busy, timeout=WAIT_MS)
    assert dossier.dossier is not None
    payment = ActionDialog(ctx, accounts.sign_in(ctx, "canbo02", "canbo123"), dossier.dossier, Action.PAID, dossier)
    shown["method"] = payment.inputs["method"].currentText()  # type: ignore[attr-defined]
    payment.close()
    dossier.close()
    supplement = FormRequestDialog("02", ["Đơn đề nghị"], set())
    qtbot.addWidget(supplement)
    supplement.close()
    registrations = RegistrationsDialog(ctx, lambda code: None)
    qtbot.addWidget(registrations)
    registrations.close()

    for name in ("intake", "supervisor", "admin", "rating"):
        window = open_at(qtbot, ctx, name, 1366, 768)
        for _ in every_view(qtbot, window):
            pass
        if name == "supervisor":  # statuses are shown without a lookup of their own: through text_of
            day, late = window.day.tickets_table, window.due.late_table  # type: ignore[attr-defined]
            shown["statuses"] = " ".join(t.item(r, 2).text() for t in (day,) for r in range(t.rowCount()))
            shown["late"] = " ".join(late.item(r, c).text() for r in range(late.rowCount())
                                     for c in range(late.columnCount()) if late.item(r, c))
        window.close()

    display = DisplayWindow(ctx, None, DEFAULT_NOTICE)
    qtbot.addWidget(display)
    display.resize(1366, 768)
    display.show()
    qtbot.waitUntil(lambda: display.loaded and not display.worker.busy, timeout=WAIT_MS)
    shown["date"] = display.date.text()
    display.close()
    return shown


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_every_lookup_of_an_english_window_finds_its_english(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    queue.issue_ticket(demo_ctx, "DD", "elderly")  # counter 1 calls it first
    for i in range(10):
        queue.issue_ticket(demo_ctx, ("DD", "TP", "DN", "GT", "TKQ")[i % 5])
    for counter in (1, 2):
        queue.call_next(demo_ctx, accounts.maintenance_acting_as(demo_ctx, f"canbo{counter:02d}"), counter)
    recorder = RecordingTranslator()
    i18n.use("en")
    QCoreApplication.installTranslator(recorder)  # asked first: the last installed is asked first
    try:
        shown = _open_windows(qtbot, demo_ctx)
    finally:
        QCoreApplication.removeTranslator(recorder)
        i18n.use("vi")
    assert ("KioskWindow", "Lấy số thứ tự") in recorder.asked  # it did see the windows' lookups
    missing = untranslated(recorder.asked)
    assert missing == [], "\n".join(missing)
    assert "Priority: Elderly person" in shown["kiosk"]
    assert (shown["counter"], shown["badge"]) == ("Being served", "PRIORITY: Elderly person")
    assert shown["method"] == "Cash"
    assert "Being served" in shown["statuses"] and "Đang" not in shown["statuses"]
    assert "Received" in shown["late"], shown["late"]
    assert shown["date"].split(",")[0] in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def test_the_check_sees_a_lookup_the_catalogue_lacks() -> None:
    """A text looked up through a variable and marked nowhere is reported; a marked one and Qt's own are not."""
    asked = {("KioskWindow", "Lấy số thứ tự"), ("KioskWindow", "Chưa dịch ở đâu cả"),
             ("QDialogButtonBox", "Hủy bỏ"), ("KioskWindow", "1001")}
    assert untranslated(asked) == ["KioskWindow: Chưa dịch ở đâu cả"]


def _variable_lookups(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, context) of each `self.tr(x)` / `QCoreApplication.translate(ctx, x)` whose text is not a literal; the
    context of `self.tr` is the class it is written in, a translate's context a literal or a module constant."""
    constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                 and isinstance(n.value, ast.Constant) for t in n.targets if isinstance(t, ast.Name)}
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                name, args = child.func.attr, child.args
                if name == "tr" and args and not isinstance(args[0], ast.Constant):
                    found.append((child.lineno, cls))
                elif name == "translate" and len(args) > 1 and not isinstance(args[1], ast.Constant):
                    ctx = args[0]
                    found.append((child.lineno, ctx.value if isinstance(ctx, ast.Constant)
                                  else constants.get(ctx.id, "?") if isinstance(ctx, ast.Name) else "?"))
            visit(child, cls)

    visit(tree, "")
    return found


def test_a_lookup_through_a_variable_has_its_texts_marked_in_its_context() -> None:
    """lupdate cannot read a variable: a window that looks a text up through one (`self.tr(label)`) has the texts
    marked in the same file with QT_TRANSLATE_NOOP under the context of the lookup (the class, or the module's
    name). A label of a lower layer is a marked Message: it is shown with i18n.text_of, never with tr."""
    unmarked = []
    for path in sorted((ROOT / "app" / "ui").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        marked = {node.args[0].value for node in ast.walk(tree) if isinstance(node, ast.Call)
                  and isinstance(node.func, ast.Name) and node.func.id == "QT_TRANSLATE_NOOP"
                  and isinstance(node.args[0], ast.Constant)}
        unmarked += [f"{path.relative_to(ROOT)}:{line} ({context})" for line, context in _variable_lookups(tree)
                     if context not in marked]
    assert unmarked == []
