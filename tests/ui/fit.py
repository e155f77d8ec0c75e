"""What a person would see as clipped text: every visible label or button whose text, in its own font, is wider
(or its ink taller) than the box Qt gave it. Used by the screen-size tests of the stations."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QStyle, QStyleOptionButton, QWidget


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.wordWrap() or label.textFormat() == label.textFormat().RichText or text.startswith("<"):
        return None
    metrics = QFontMetrics(label.font())
    box = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    width = max(metrics.horizontalAdvance(text), metrics.boundingRect(text).width())
    ink = metrics.tightBoundingRect(text).height()
    if width > box.width() or ink > box.height():
        return f"{width}×{ink} px of text in a {box.width()}×{box.height()} px box"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    width = QFontMetrics(button.font()).horizontalAdvance(text)
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).width()
        if not button.icon().isNull():
            room -= button.iconSize().width() + 4
    else:
        room = button.contentsRect().width()
    return f"{width} px of text in {room} px" if width > room else None


def clipped_texts(window: QWidget) -> list[str]:
    """'ClassName «text»: why' for every visible label and button of `window` whose text does not fit."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        problem = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        if problem:
            text = widget.text()
            found.append(f"{type(widget).__name__} «{text}»: {problem}")
    return found
