"""Messages of the lower layers (domain, services, store, devices) marked for translation, without Qt.

A message is written in Vietnamese, the product's language, with Qt's numbered placeholders:

    raise NotFound(translate("services.queue", "Không có dịch vụ %1").arg(code))

`translate(context, text)` marks the text for extraction (pyside6-lupdate recognises the call by its name, and
implicit concatenation of string literals inside it) and returns a `Message`: a `str` holding the Vietnamese text
with its placeholders filled, so the CLI, logs and every `str(exc)` read Vietnamese as before. The windows show it
in their language with `Message.localized` (app/ui/i18n.text_of), which looks the *source* text up in the loaded
catalogue and fills the same arguments into the translation, so a translator may reorder `%1` and `%2`.

The context names the module that owns the text (`"domain.validators"`, `"services.queue"`); lupdate groups the
catalogue by it. Never an f-string inside `translate`: lupdate would extract nothing, and the catalogue test fails
for a message missing its entry (tests/ui/test_translations.py). Arguments are values (a code, a number, a name),
or another Message, which is localized with the outer one. Concatenating a Message with other text gives a plain
`str`: it still reads Vietnamese, it just is no longer translated — so build whole sentences in one message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_PLACEHOLDER = re.compile(r"%(\d)")

Translate = Callable[[str, str], str]


def _fill(text: str, args: tuple[Any, ...], translate_fn: Translate | None) -> str:
    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        if not 0 <= index < len(args):
            return match.group(0)
        arg = args[index]
        if translate_fn is not None and isinstance(arg, Message):
            return arg.localized(translate_fn)
        return str(arg)

    return _PLACEHOLDER.sub(value, text) if args else text


class Message(str):
    """A marked Vietnamese text with its arguments: `str(message)` is the Vietnamese text, filled."""

    context: str
    source: str
    args: tuple[Any, ...]

    def __new__(cls, context: str, source: str, args: tuple[Any, ...] = ()) -> Message:
        obj = super().__new__(cls, _fill(source, args, None))
        obj.context, obj.source, obj.args = context, source, args
        return obj

    def arg(self, *values: Any) -> Message:
        """The message with `values` filled into its next placeholders (`%1`, `%2` … in order of the calls)."""
        return Message(self.context, self.source, self.args + values)

    def localized(self, translate_fn: Translate) -> str:
        """The text in the language of `translate_fn(context, source)` (Qt's QCoreApplication.translate), filled."""
        return _fill(translate_fn(self.context, self.source), self.args, translate_fn)

    def __reduce__(self) -> tuple[Any, ...]:  # pickling (worker processes) keeps the marks
        return (Message, (self.context, self.source, self.args))


def translate(context: str, text: str) -> Message:
    """Mark `text` (Vietnamese, `%1`… placeholders) for translation under `context`; fill it with `.arg(...)`."""
    return Message(context, text)


def localized(value: object, translate_fn: Translate) -> str:
    """`value` as text in the language of `translate_fn`: a Message is translated, an exception whose message is
    a Message too (ValidationError's `message`, or its first argument), anything else is `str(value)`."""
    if isinstance(value, Message):
        return value.localized(translate_fn)
    if isinstance(value, BaseException):
        message = getattr(value, "message", None)
        if isinstance(message, Message):
            return message.localized(translate_fn)
        if len(value.args) == 1 and isinstance(value.args[0], Message) and str(value) == str(value.args[0]):
            return value.args[0].localized(translate_fn)
    return str(value)
