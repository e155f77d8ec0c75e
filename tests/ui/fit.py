"""What a person would see as clipped text: every visible label or button whose text, in its own font, is wider
(or its ink taller) than the box Qt gave it; a word-wrapped label whose longest word is wider than
its box or whose lines are taller. Used by the screen-size tests of the stations."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QStyle, QStyleOptionButton, QWidget


def _wrapped_problem(label: QLabel, metrics: QFontMetrics, box: QRect) -> str | None:
    """A word-wrapped label: its longest word must fit the width, and all its lines the height."""
    text = label.text()
    word = max((metrics.horizontalAdvance(w) for w in text.split()), default=0)
    lines = metrics.boundingRect(QRect(0, 0, box.width(), 100_000), int(Qt.TextFlag.TextWordWrap), text)
    if word > box.width() or lines.height() > box.height():
        return f"a {word} px word, {lines.height()} px of lines in a {box.width()}×{box.height()} px box"
    return None


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.textFormat() == label.textFormat().RichText or text.startswith("<"):
        return None
    metrics = QFontMetrics(label.font())
    box = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    if label.wordWrap():
        return _wrapped_problem(label, metrics, box)
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


def _shown_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of `widget` on screen, in `window`'s coordinates: its box cut by every ancestor's (a scroll area
    shows only its viewport)."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return rect


def overlapping_texts(window: QWidget) -> list[str]:
    """'«text» over «text»' for every two visible labels or buttons with text whose shown boxes cross (one inside
    the other, like a button's own label, is a design, not an overlap)."""
    texts = [w for w in window.findChildren(QWidget) if isinstance(w, QLabel | QAbstractButton) and w.text()
             and w.isVisibleTo(window)]
    shown = {w: _shown_rect(w, window) for w in texts}
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            if shown[a].intersects(shown[b]):
                found.append(f"«{a.text()}» over «{b.text()}»")
    return found


def clipped_texts(window: QWidget) -> list[str]:
    """'ClassName «text»: why' for every visible label and button of `window` whose text does not fit, and every
    two whose boxes overlap."""
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
    return found + overlapping_texts(window)
