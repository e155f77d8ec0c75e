"""Every message the lower layers raise is marked for translation (app.domain.messages), so an English window shows
it in English: a MotcuaError built from a bare string literal, an f-string or a formatted literal fails here, with
the file and line of each."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

from app.domain.errors import MotcuaError
from app.domain.messages import Message, localized, translate

ROOT = Path(__file__).resolve().parents[2]
LOWER_LAYERS = ("domain", "services", "store", "devices", "printing")
_KEY = re.compile(r"^[a-z_][a-z0-9_.]*$")  # a field key such as "cccd" or "applicant.name", not a message


def _error_classes() -> set[str]:
    for layer in LOWER_LAYERS:
        package = importlib.import_module(f"app.{layer}")
        for info in pkgutil.walk_packages(package.__path__, f"app.{layer}."):
            importlib.import_module(info.name)
    names, todo = set(), [MotcuaError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def _is_unmarked_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return not _KEY.match(node.value) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return _is_unmarked_text(node.left) or _is_unmarked_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _is_unmarked_text(node.func.value)
    if isinstance(node, ast.IfExp):
        return _is_unmarked_text(node.body) or _is_unmarked_text(node.orelse)
    return False


def test_lower_layers_raise_only_marked_messages() -> None:
    errors = _error_classes()
    unmarked = []
    for layer in LOWER_LAYERS:
        for path in sorted((ROOT / "app" / layer).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if name not in errors:
                    continue
                if any(_is_unmarked_text(arg) for arg in [*node.args, *(k.value for k in node.keywords)]):
                    unmarked.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}(…)")
    assert unmarked == [], ("messages not marked with app.domain.messages.translate:\n" + "\n".join(unmarked))


def test_a_marked_message_reads_vietnamese_and_translates_with_its_arguments_reordered() -> None:
    message = translate("services.queue", "Quầy %1 không phục vụ dịch vụ %2").arg(3, "A")
    assert message == "Quầy 3 không phục vụ dịch vụ A" and isinstance(message, str)
    catalogue = {("services.queue", "Quầy %1 không phục vụ dịch vụ %2"): "Service %2 is not served at counter %1",
                 ("domain.x", "quầy %1"): "counter %1"}

    def english(context: str, source: str) -> str:
        return catalogue.get((context, source), source)

    assert message.localized(english) == "Service A is not served at counter 3"
    nested = translate("services.queue", "Quầy %1 không phục vụ dịch vụ %2").arg(translate("domain.x", "quầy %1")
                                                                                  .arg(7), "B")
    assert nested.localized(english) == "Service B is not served at counter counter 7"
    assert localized(MotcuaError(message), english) == "Service A is not served at counter 3"
    assert localized(MotcuaError("chưa đánh dấu"), english) == "chưa đánh dấu"
    assert "%" in translate("domain.x", "đạt 100%").arg() and translate("domain.x", "100% của %1").arg(5) == "100% của 5"


def test_a_marked_message_survives_pickling() -> None:
    import pickle

    message = translate("domain.x", "Số %1").arg(12)
    again = pickle.loads(pickle.dumps(message))
    assert isinstance(again, Message) and again == "Số 12" and again.source == "Số %1" and again.args == (12,)
