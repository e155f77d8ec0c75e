"""Centre-wide settings stored in the database (declared in app.config)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.config import SETTINGS, spec
from app.domain.accounts import Role
from app.domain.messages import translate
from app.services.audit import record
from app.services.context import Actor, Context
from app.store.models import Setting


def centre_setting(session: Session, key: str) -> Any:
    """A centre setting's value inside an open unit of work (its default when unset)."""
    declared = spec(key)
    row = session.get(Setting, key)
    return declared.coerce(row.value if row else None)


def get_centre_settings(ctx: Context) -> dict[str, Any]:
    """Every centre-wide setting with its current value."""
    with ctx.store.read() as s:
        return {d.key: centre_setting(s, d.key) for d in SETTINGS if d.scope == "centre"}


def set_centre_settings(ctx: Context, actor: Actor, values: dict[str, Any]) -> None:
    """Change centre settings in one transaction (admin only); a bad value changes nothing."""
    actor.require(Role.ADMIN, translate("services.settings", "đổi cài đặt của trung tâm"))
    coerced = {}
    for key, value in values.items():
        declared = spec(key)
        if declared.scope != "centre":
            raise ValueError(f"{key} is a machine setting")
        coerced[key] = declared.coerce(value)
    with ctx.store.write() as s:
        for key, value in coerced.items():
            row = s.get(Setting, key)
            record(s, ctx, actor, "setting.set", f"cài đặt {key}", None if row is None else {key: row.value},
                   {key: value})
            if row is None:
                s.add(Setting(key=key, value=value, updated_at=ctx.now(), updated_by=actor.officer_id))
            else:
                row.value, row.updated_at, row.updated_by = value, ctx.now(), actor.officer_id
