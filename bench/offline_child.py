"""A station process of the offline benchmark: a kiosk issuing tickets or a counter receiving dossiers through
`OfflineStation` (the server when it answers, the journal when it does not), syncing every few seconds as a
station does, until the parent creates the stop file; then it syncs until nothing waits and prints its work as
JSON on stdout. Run by bench/offline_outage.py only.

argv: role (kiosk|counter) url folder counter_number interval_s
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from pathlib import Path


def _letters(n: int) -> str:
    """A name word of letters only (names take no digits): 0 → "A", 27 → "Bb"."""
    word = ""
    while True:
        word = "abcdefghiklmnopqrstuvxy"[n % 23] + word
        n //= 23
        if n == 0:
            return word.capitalize()


def main() -> int:
    role, url, folder, counter, interval = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]), \
        float(sys.argv[5])
    from app.domain.dossier import IntakeDraft
    from app.domain.errors import MotcuaError
    from app.services.context import Actor, Context
    from app.services.offline import STATION_TIMEOUTS, NoLeaseLeft, OfflineStation, is_unreachable
    from app.store.engine import Store, StoreUnavailable

    store = Store(url, timeouts=STATION_TIMEOUTS)
    station = OfflineStation(Context(store), folder, role, counter)
    station.sync_now()
    made: list[dict[str, object]] = []
    refused: list[str] = []
    last_sync = time.monotonic()
    stop = folder / "stop"
    services = ("DD", "TP")
    i = 0
    print("READY", flush=True)
    while not stop.exists():
        started = time.monotonic()
        try:
            if role == "kiosk":
                view, offline = station.issue(services[i % 2])
                made.append({"id": str(view.id), "number": view.display_number, "service": view.service_code,
                             "offline": offline})
            else:
                draft = IntakeDraft(applicant_name=f"Nguyễn Văn {_letters(counter * 100_000 + i)}",
                                    id_number="001085012345",
                                    phone="0912345678", address="Hà Nội")
                request = uuid.uuid4()
                code, offline = station.receive(Actor.maintenance(station.ctx), "DEMO.SXD.004", draft, request_id=request)
                made.append({"id": str(request), "code": code, "offline": offline})
        except NoLeaseLeft as exc:
            refused.append(str(exc))
        except StoreUnavailable as exc:
            refused.append(f"{'unreachable' if is_unreachable(exc) else 'busy'}: {exc}")
        i += 1
        if time.monotonic() - last_sync >= 5 and station.should_try_server():
            last_sync = time.monotonic()
            try:
                station.sync_now()
            except MotcuaError:
                pass
        time.sleep(max(0.0, interval - (time.monotonic() - started)))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            station.sync_now()
            if not station.waiting():
                break
        except MotcuaError:
            time.sleep(0.5)
    print(json.dumps({"made": made, "refused": refused, "waiting": station.waiting()}), flush=True)
    station.close()
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
