"""The kiosk's language button: a foreign citizen switches the kiosk to English; the next citizen finds it in the
centre's language again, after the ticket or after a while without a touch."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.context import Context
from app.ui import i18n
from tests.ui.conftest import WAIT_MS
from tests.ui.test_kiosk import _kiosk, _press


def test_the_language_button_switches_every_text_and_the_next_citizen_gets_vietnamese(  # type: ignore[no-untyped-def]
        qtbot, demo_ctx: Context) -> None:
    w = _kiosk(qtbot, demo_ctx, None)
    assert w.language_button.text() == "English" and w.invite.text().startswith("Xin mời chạm")
    qtbot.mouseClick(w.language_button, Qt.MouseButton.LeftButton)
    assert i18n.current() == "en" and w.language_button.text() == "Tiếng Việt"
    assert w.invite.text() == "Please touch the service you need to get a number"
    assert w.priority_buttons["elderly"].label.text() == "Elderly person"
    qtbot.mouseClick(w.priority_buttons["elderly"], Qt.MouseButton.LeftButton)
    assert w.priority_buttons["elderly"].label.text() == "✓ Elderly person"
    assert w.service_wait_text("DD") == "Nobody waiting"
    # the service names are the centre's data: its English name where it gave one (the demo centre does)
    assert w.service_buttons["DD"].label.text() == "Land, natural resources and environment, construction"
    _press(qtbot, w, "DD")
    assert "Your number" in w.confirmation_text()
    assert w.service_label.text() == "Land, natural resources and environment, construction"
    w.done_button.click()  # the citizen is done: the kiosk is Vietnamese again for the next one
    assert i18n.current() == "vi" and w.invite.text().startswith("Xin mời chạm")
    assert w.service_buttons["DD"].label.text() == "Đất đai, Tài nguyên – Môi trường, Xây dựng"
    assert w.priority_buttons["elderly"].label.text() == "Người cao tuổi"
    w._language_timer.setInterval(200)  # the test does not wait a minute
    qtbot.mouseClick(w.language_button, Qt.MouseButton.LeftButton)
    assert i18n.current() == "en"
    qtbot.waitUntil(lambda: i18n.current() == "vi", timeout=WAIT_MS)  # nobody touched: back to Vietnamese
    assert w.language_button.text() == "English"
    w.close()


def test_a_service_without_an_english_name_keeps_its_vietnamese_name_in_english(  # type: ignore[no-untyped-def]
        qtbot, demo_ctx: Context) -> None:
    from dataclasses import replace

    from app.services import hall
    from app.services.context import Actor

    actor = Actor.maintenance(demo_ctx)
    view = next(v for v in hall.list_services(demo_ctx) if v.draft.code == "TP")
    hall.save_service(demo_ctx, actor, view.id, replace(view.draft, name_en="  "))
    assert next(v for v in hall.list_services(demo_ctx) if v.draft.code == "TP").draft.name_en == ""
    w = _kiosk(qtbot, demo_ctx, None)
    qtbot.mouseClick(w.language_button, Qt.MouseButton.LeftButton)
    assert w.service_buttons["TP"].label.text() == "Tư pháp, Nội vụ, Lao động – Thương binh và Xã hội"
    assert w.service_buttons["DN2"].label.text() == "Electricity and water supply"
    w.use_language("vi")
    w.close()
