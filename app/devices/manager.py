"""Device manager: lazy open, reconnect with backoff, own I/O thread, status callbacks and a job queue."""

from __future__ import annotations

import enum
import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from app.devices.transport import DEVICE, DeviceError, DeviceReason, capitalized
from app.domain.messages import translate

log = logging.getLogger(__name__)


class DeviceState(str, enum.Enum):
    """Connection state shown as a coloured dot."""

    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    FAULT = "fault"  # port open, device cannot work (paper out, not answering)


@dataclass(frozen=True)
class DeviceStatus:
    """A state with its Vietnamese reason for technicians and its code (both None when connected and fine)."""

    state: DeviceState
    reason_vi: str | None = None
    reason: DeviceReason | None = None


@dataclass(frozen=True)
class JobResult:
    """The outcome of one queued job: ok, or failed with a Vietnamese reason."""

    job_id: int
    ok: bool
    reason_vi: str | None = None
    value: Any = None
    reason: DeviceReason | None = None


class ManagedDevice(Protocol):
    """A device the manager can open and close (TicketPrinter, a keypad reader)."""

    def open(self) -> None: ...
    def close(self) -> None: ...


D = TypeVar("D", bound=ManagedDevice)
_Job = tuple[int, Callable[[Any], Any], Callable[[JobResult], None] | None]
_STOP = object()


class DeviceManager(Generic[D]):
    """Runs all I/O of one device on its own thread; callbacks are called on that thread."""

    def __init__(self, device: D, *, label_vi: str = DEVICE,
                 on_status: Callable[[DeviceStatus], None] | None = None,
                 idle: Callable[[D], None] | None = None, idle_interval: float = 1.0,
                 backoff_initial: float = 0.2, backoff_max: float = 2.0) -> None:
        self.device = device
        self.label_vi = label_vi
        self._on_status = on_status
        self._idle = idle  # probe (printer) or reader loop step (keypad); a fault is a DeviceError it raises
        self._idle_interval = idle_interval
        self._backoff = (backoff_initial, backoff_max)
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._ids = itertools.count(1)
        self._wake = threading.Event()
        self._changed = threading.Condition()
        self._status = DeviceStatus(DeviceState.DISCONNECTED, translate("devices.manager", "Chưa kết nối %1")
                                    .arg(label_vi),
                                    DeviceReason.NOT_CONNECTED)
        self._thread: threading.Thread | None = None
        self._open = False

    @property
    def status(self) -> DeviceStatus:
        """The current status."""
        return self._status

    def start(self) -> None:
        """Start the I/O thread, which opens the device (nothing is opened before this)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=f"device-{self.label_vi}", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread, close the device and fail the jobs still queued."""
        if self._thread is not None:
            self._jobs.put(_STOP)
            self._wake.set()
            self._thread.join(timeout)
            self._thread = None

    def submit(self, job: Callable[[D], Any], on_done: Callable[[JobResult], None] | None = None) -> int:
        """Queue a job run with the open device; on_done gets its JobResult. Returns the job id."""
        job_id = next(self._ids)
        self._jobs.put((job_id, job, on_done))
        self._wake.set()
        return job_id

    def wait_for(self, state: DeviceState, timeout: float) -> bool:
        """Block (never on a GUI thread) until the status has the given state; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self._status.state is state, timeout)

    def _run(self) -> None:
        delay = self._backoff[0]
        while True:
            if not self._open:
                if self._try_open():
                    delay = self._backoff[0]
                else:
                    self._wake.wait(delay)  # a new job wakes us for an immediate retry
                    self._wake.clear()
                    delay = min(delay * 2, self._backoff[1])
                    if self._drain_stop():
                        break
                    continue
            try:
                item = self._jobs.get(timeout=self._idle_interval) if self._idle_interval > 0 \
                    else self._jobs.get_nowait()
            except queue.Empty:
                self._run_idle()
                continue
            if item is _STOP:
                break
            self._run_job(item)
        stopped = translate("devices.manager", "Đã dừng %1").arg(self.label_vi)
        self._close(DeviceStatus(DeviceState.DISCONNECTED, stopped, DeviceReason.STOPPED))
        self._fail_queued(stopped, DeviceReason.STOPPED)

    def _try_open(self) -> bool:
        try:
            self.device.open()
        except DeviceError as exc:
            self._set_status(DeviceStatus(DeviceState.DISCONNECTED, exc.reason_vi, exc.reason))
            self._fail_queued(translate("devices.manager", "%1 chưa sẵn sàng: %2")
                              .arg(capitalized(self.label_vi), exc.reason_vi), exc.reason)
            return False
        self._open = True
        self._set_status(DeviceStatus(DeviceState.CONNECTED))
        return True

    def _run_idle(self) -> None:
        if self._idle is None:
            return
        try:
            self._idle(self.device)
        except DeviceError as exc:
            self._on_device_error(exc)
            return
        except Exception:  # a bug in a hook must not kill the device thread
            log.exception("idle hook of %s failed", self.label_vi)
            return
        self._set_status(DeviceStatus(DeviceState.CONNECTED))

    def _run_job(self, item: _Job) -> None:
        job_id, job, on_done = item
        try:
            value = job(self.device)
        except DeviceError as exc:
            self._on_device_error(exc)
            result = JobResult(job_id, False, exc.reason_vi, reason=exc.reason)
        except Exception:
            log.exception("job %s of %s failed", job_id, self.label_vi)
            result = JobResult(job_id, False, translate("devices.manager", "Lỗi phần mềm khi dùng %1")
                               .arg(self.label_vi), reason=DeviceReason.SOFTWARE)
        else:
            if self._status.state is DeviceState.FAULT:
                self._set_status(DeviceStatus(DeviceState.CONNECTED))
            result = JobResult(job_id, True, None, value)
        self._call(on_done, result)

    def _on_device_error(self, exc: DeviceError) -> None:
        if exc.fault:
            self._set_status(DeviceStatus(DeviceState.FAULT, exc.reason_vi, exc.reason))
        else:
            self._close(DeviceStatus(DeviceState.DISCONNECTED, exc.reason_vi, exc.reason))

    def _close(self, status: DeviceStatus) -> None:
        if self._open:
            try:
                self.device.close()
            except DeviceError:
                pass
            self._open = False
        self._set_status(status)

    def _drain_stop(self) -> bool:
        """While disconnected: True when stop was asked; other jobs stay for the next open attempt."""
        pending = []
        stop = False
        while True:
            try:
                item = self._jobs.get_nowait()
            except queue.Empty:
                break
            stop = stop or item is _STOP
            if item is not _STOP:
                pending.append(item)
        for item in pending:
            self._jobs.put(item)
        return stop

    def _fail_queued(self, reason_vi: str, reason: DeviceReason) -> None:
        while True:
            try:
                item = self._jobs.get_nowait()
            except queue.Empty:
                return
            if item is _STOP:
                self._jobs.put(_STOP)
                return
            self._call(item[2], JobResult(item[0], False, reason_vi, reason=reason))

    def _set_status(self, status: DeviceStatus) -> None:
        with self._changed:
            if status == self._status:
                return
            self._status = status
            self._changed.notify_all()
        self._call(self._on_status, status)

    @staticmethod
    def _call(callback: Callable[[Any], None] | None, arg: Any) -> None:
        if callback is None:
            return
        try:
            callback(arg)
        except Exception:  # the UI's callback must not kill the device thread
            log.exception("device callback failed")
