"""Screenshots of the first-run set-up window for docs/setup.md: a connection test that fails, one that passes.

Both tests really run against a PostgreSQL server (MOTCUA_SCREENSHOT_PG_URL, default the local one as postgres):
the failed one on a port nothing listens on, the passing one on a throwaway database migrated to head, reached
as a throwaway role. The keypad test of the passing one reads a key from a simulated keypad on a pty. The window
is shown as on an officer's account `canbo` (HOME=/home/canbo), so the paths it names are those of a real PC;
nothing is saved.

Run: .venv/bin/python tools/screenshots_setup.py  (writes docs/img/setup-failed.png and docs/img/setup-ok.png)
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "img"
SIZE = (1040, 600)
ADMIN_URL = os.environ.get("MOTCUA_SCREENSHOT_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
DATABASE, ROLE = "motcua_setup_screenshot", "motcua_quay05"


def _admin(sql: str) -> None:
    """One autocommit statement as the server's administrator."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(ADMIN_URL)
    with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                         password=u.password, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def _database_at_head() -> str:
    """A throwaway database migrated to head, readable by a throwaway station role; returns its URL (no password)."""
    from sqlalchemy.engine import make_url

    from app.store import migrate
    from app.store.engine import Store

    _admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    _admin(f'DROP ROLE IF EXISTS "{ROLE}"')
    _admin(f'CREATE ROLE "{ROLE}" LOGIN')
    _admin(f'CREATE DATABASE "{DATABASE}"')
    owner_url = make_url(ADMIN_URL).set(database=DATABASE)
    store = Store(owner_url.render_as_string(hide_password=False))
    try:
        migrate.upgrade(store)
        with store.engine.begin() as conn:
            conn.exec_driver_sql(f'GRANT SELECT ON alembic_version TO "{ROLE}"')
    finally:
        store.dispose()
    return owner_url.set(username=ROLE, password=None).render_as_string(hide_password=False)


def _drop() -> None:
    _admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    _admin(f'DROP ROLE IF EXISTS "{ROLE}"')


def _wrong_port() -> int:
    """5433, the usual slip for 5432, when nothing listens there; else any port nothing listens on."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", 5433))
        except OSError:
            s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(app: "QApplication", done: Callable[[], bool], timeout_s: float = 30.0) -> None:  # noqa: F821
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the set-up window did not finish its test")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def _press_until_read(keypad: "KeypadSimulator", window: "SetupWindow") -> None:  # noqa: F821
    """Press «1» every 0.3 s while the keypad test waits (the port drops what came before it opened)."""
    while window.worker.busy:
        time.sleep(0.3)
        keypad.press("1")


def render_setup_screenshots(out_dir: Path = OUT) -> list[Path]:
    """Fill the set-up window for counter 5 on the centre's server, test a wrong port (refused), then the right
    one (schema at head) and the keypad; save both states."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["HOME"] = "/home/canbo"
    for name in ("XDG_CONFIG_HOME", "MOTCUA_CONFIG_DIR", "MOTCUA_DATA_DIR"):
        os.environ.pop(name, None)
    from sqlalchemy.engine import make_url

    from app import config

    from app.devices.keypad_sim import KeypadSimulator
    from app.services.station_setup import SetupAnswers
    from app.ui.launch import application
    from app.ui.setup.window import SetupWindow

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "setup-failed.png", out_dir / "setup-ok.png"]
    url = make_url(_database_at_head())
    app = application()
    try:
        with KeypadSimulator() as keypad:
            answers = SetupAnswers(station="counter", counter_number=5, store="server", host=str(url.host),
                                   port=_wrong_port(), database=DATABASE, user=ROLE, keypad_url=keypad.url,
                                   autostart=True)
            window = SetupWindow(answers, config.default_config_file())
            window.resize(*SIZE)
            window.show()
            window.check_button.click()
            _wait(app, lambda: not window.worker.busy)
            window.grab().save(str(paths[0]))
            window.port.setText(str(url.port or 5432))
            window.check_button.click()
            window.devices.test_keypad_button.click()
            pressing = threading.Thread(target=_press_until_read, args=(keypad, window), daemon=True)
            pressing.start()
            _wait(app, lambda: not window.worker.busy)
            pressing.join()
            window.grab().save(str(paths[1]))
            window.close()
    finally:
        _drop()
    return paths


def main() -> int:
    """Write the set-up screenshots and print their paths."""
    print("\n".join(str(p) for p in render_setup_screenshots()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
