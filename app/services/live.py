"""Following other stations' changes (the store's live feed), for windows: they subscribe here, never to the
store itself."""

from __future__ import annotations

from collections.abc import Callable

from app.services.context import Context
from app.store.live import Change, LiveFeed

__all__ = ["Change", "LiveFeed", "follow"]


def follow(ctx: Context, topics: set[str] | None, on_change: Callable[[Change], None],
           on_status: Callable[[bool, str], None], poll_interval: float = 0.25) -> LiveFeed:
    """A feed (not yet started) of the changes of `topics` (None: every topic) on the context's store; both
    callbacks run on the feed's own thread: `on_change(change)`, and `on_status(online, message)` when the store is
    lost or back."""
    return LiveFeed(ctx.store, topics, on_change, on_status, poll_interval=poll_interval)
