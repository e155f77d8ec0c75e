"""A keypad station (trạm bàn phím đánh giá): a keypad port — one counter's keypad, or a framed bus of several —
whose presses are stored as votes (`app.services.ratings.record_vote`), with the keypads' lamps lit while their
counter is armed and the garbage bytes reported at most once per interval."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from app.devices.keypad import KeypadConfig, KeypadProtocol, KeypadReader, KeyPress, keypad_manager
from app.devices.manager import DeviceManager, DeviceStatus
from app.domain import satisfaction as rules
from app.domain.errors import NotFound
from app.services.context import Context
from app.services.ratings import PressResult, arming, rating_settings, record_garbage, record_vote
from app.store.engine import StoreUnavailable

if TYPE_CHECKING:
    from app.services.offline import OfflineStation

log = logging.getLogger(__name__)


@dataclass
class StationStats:
    """Counts of one keypad station since it started."""

    votes: int = 0
    stray: int = 0
    foreign: int = 0  # frames of addresses this station does not serve (another listener's keypads)
    garbage_bytes_reported: int = 0
    results: list[PressResult] = field(default_factory=list)


class KeypadStation:
    """A keypad port (one keypad, or a framed bus: address → counter) stored as votes; device I/O on the manager's
    thread, store writes on a worker thread so a slow store never stretches the byte timing."""

    def __init__(self, ctx: Context, url: str, counters: dict[int | None, int], protocol: KeypadProtocol, *,
                 key_map: dict[str, int] | None = None, on_status: Callable[[DeviceStatus], None] | None = None,
                 on_result: Callable[[PressResult], None] | None = None, garbage_interval: float = 10.0,
                 baudrate: int = 9600, offline: OfflineStation | None = None) -> None:
        self.ctx = ctx
        # a counter of a central server: while the server does not answer, its votes go to the station's journal
        self.offline = offline
        self.url = url
        self.counters = dict(counters)
        self.protocol = protocol
        self.key_map = key_map
        self.on_result = on_result
        self.garbage_interval = garbage_interval
        self.stats = StationStats()
        self.manager: DeviceManager[KeypadReader] = keypad_manager(url, protocol, self._on_press, on_status,
                                                                   baudrate=baudrate)
        self._queue: queue.Queue[tuple[KeyPress, datetime] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lamps: dict[int | None, bool] = {}
        self._listeners: list[Callable[[PressResult], None]] = []

    @classmethod
    def for_counter(cls, ctx: Context, setup: KeypadConfig, counter_number: int, *,
                    on_status: Callable[[DeviceStatus], None] | None = None,
                    on_result: Callable[[PressResult], None] | None = None,
                    offline: OfflineStation | None = None) -> KeypadStation:
        """The keypad of one counter as the machine is set up (keys checked against the centre's scale; the scale
        the journal last saw when the server does not answer)."""
        if offline is None:
            scale = rating_settings(ctx)[0]
        else:  # the server, else the scale the journal last saw
            settings = offline.on_server(lambda: rating_settings(ctx))
            scale = settings[0] if settings is not None else int(offline.setting("rating_scale"))
        key_map = rules.key_map_from_keys(scale, setup.keys) if setup.keys.strip() else rules.default_key_map(scale)
        return cls(ctx, setup.url, {setup.bus_address: counter_number}, setup.protocol(key_map), key_map=key_map,
                   on_status=on_status, on_result=on_result, baudrate=setup.baudrate, offline=offline)

    def add_listener(self, listener: Callable[[PressResult], None]) -> None:
        """Also tell `listener` each stored press (called on the station's thread, after on_result)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[PressResult], None]) -> None:
        """Stop telling `listener` (a window that closes)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    @property
    def status(self) -> DeviceStatus:
        """The keypad's connection status."""
        return self.manager.status

    def start(self) -> KeypadStation:
        """Open the port (lazily, on the device thread) and start storing presses."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="keypad-votes", daemon=True)
            self._thread.start()
            self.manager.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop reading, store what was pressed, report the last garbage."""
        self.manager.stop(timeout)
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every press handed over so far is stored (for tests and scripts)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._queue.unfinished_tasks == 0:
                return True
            time.sleep(0.01)
        return False

    def __enter__(self) -> KeypadStation:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _on_press(self, press: KeyPress) -> None:
        """Device thread: stamp the press with the store's clock and hand it over."""
        self._queue.put((press, self.ctx.now()))

    def _work(self) -> None:
        last_report = time.monotonic()
        while True:
            wait = max(0.05, self.garbage_interval - (time.monotonic() - last_report))
            try:
                item = self._queue.get(timeout=min(wait, 1.0))
            except queue.Empty:
                pass
            else:
                if item is None:
                    self._queue.task_done()
                    break
                self._store(*item)
                self._queue.task_done()
            if self.protocol.lamp_on is not None:
                self._refresh_lamps()
            if time.monotonic() - last_report >= self.garbage_interval:
                self._report_garbage()
                last_report = time.monotonic()
        self._drain()
        self._report_garbage()

    def _drain(self) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not None:
                self._store(*item)
            self._queue.task_done()

    def _store(self, press: KeyPress, at: datetime) -> None:
        counter = self.counters.get(press.address)
        if counter is None:
            self.stats.foreign += 1
            log.debug("keypad %s: press of address %s served by no counter here", self.url, press.address)
            return
        offline = self.offline if self.offline is not None and self.offline.counter_number == counter else None
        for attempt in range(30):  # the store may be briefly away: keep the press (with its time) and retry
            try:
                if offline is not None:  # the server, else the journal (queued, replayed as the rating)
                    result = (offline.on_server(lambda: record_vote(self.ctx, counter, press.key, at=at,
                                                                    key_map=self.key_map))
                              or offline.record_vote(press.key, at=at, key_map=self.key_map))
                else:
                    result = record_vote(self.ctx, counter, press.key, at=at, key_map=self.key_map)
                break
            except StoreUnavailable as exc:
                log.warning("keypad %s: press kept, store unavailable (%s)", self.url, exc)
                time.sleep(min(0.2 * 2 ** attempt, 2.0))
            except Exception:  # a bug or a deleted counter must not stop the keypad
                log.exception("keypad %s: press of counter %s not stored", self.url, counter)
                return
        else:
            log.error("keypad %s: press of counter %s lost, store unavailable", self.url, counter)
            return
        self.stats.results.append(result)
        if result.kind == "vote":
            self.stats.votes += 1
        else:
            self.stats.stray += 1
        for listener in ([self.on_result] if self.on_result is not None else []) + list(self._listeners):
            try:
                listener(result)
            except Exception:
                log.exception("keypad on_result failed")

    def _report_garbage(self) -> None:
        """At most one row and one log line per interval (rate limit), with the bytes counted since the last."""
        new = self.manager.device.garbage_bytes - self.stats.garbage_bytes_reported
        if new <= 0:
            return
        try:
            record_garbage(self.ctx, new, port=self.url)
        except StoreUnavailable:
            return  # counted again at the next report
        self.stats.garbage_bytes_reported += new
        log.warning("keypad %s: %d bytes of garbage ignored (not key presses)", self.url, new)

    def _refresh_lamps(self) -> None:
        """Light each keypad while its counter is armed (only for protocols with lamp commands)."""
        for address, counter in self.counters.items():
            try:
                lit = arming(self.ctx, counter) is not None
            except StoreUnavailable:
                if self.offline is None or self.offline.counter_number != counter:
                    continue
                armed = self.offline.armed()  # offline: the ticket just finished here, from the journal
                lit = armed is not None and self.ctx.now() <= armed[1]
            except NotFound:
                continue
            if self._lamps.get(address) != lit:
                self._lamps[address] = lit
                self.manager.submit(_lamp_job(lit, address))


def _lamp_job(on: bool, address: int | None) -> Callable[[KeypadReader], bool]:
    return lambda reader: reader.set_lamp(on, address)
