"""P15: false votes from 10,000 random isolated noise bytes on a keypad line (target 0), both protocols.

Each run is a `KeypadSimulator` on a real pty and a keypad reader at the station's default settings (30 ms frame
timeout, keys 1–3), reading on its own thread exactly as a counter does. The simulator writes 10,000 random
single bytes, each followed by a random silence of 0.5–2.5 times the frame timeout (15–75 ms: some bytes run
together, most stand alone), as a noisy line gives. Every press the reader reports is a false vote (a counter's
keypad would cast it when armed). After the noise the line falls quiet and one real key is pressed, which must
count. The three runs go side by side: ASCII as shipped, ASCII with the noise guard switched off (the timing rule
alone: a single key byte with silence on both sides, which is what the first version did), and a framed bus.
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.common import Row, Section, say, verdict

BYTES = 10_000
SEED = 15


def _run(tmp: Path, name: str, mode: str, guard: bool, out: dict[str, Any]) -> None:
    from dataclasses import replace

    from app.devices.keypad import KeypadProtocol, KeyPress, keypad_manager
    from app.devices.keypad_sim import KeypadSimulator
    from app.devices.manager import DeviceState

    protocol = KeypadProtocol(mode=mode)
    if not guard:
        protocol = replace(protocol, noise_guard_s=0.0)
    presses: list[KeyPress] = []
    sim = KeypadSimulator(link=tmp / name, mode=mode)
    sim.start()
    try:
        mgr = keypad_manager(sim.url, protocol, presses.append)
        mgr.start()
        try:
            assert mgr.wait_for(DeviceState.CONNECTED, 5)
            sent = sim.send_noise(BYTES, protocol.quiet_s, random.Random(SEED))
            time.sleep(0.3)
            false_votes = len(presses)
            time.sleep(protocol.noise_guard_s)
            sim.press("2", 7 if mode == "framed" else None)
            deadline = time.monotonic() + 3
            while len(presses) == false_votes and time.monotonic() < deadline:
                time.sleep(0.01)
            decoder = mgr.device.decoder
            out[name] = {"sent": sent, "false": false_votes, "real": len(presses) - false_votes,
                         "garbage": decoder.garbage_bytes, "guarded": decoder.guarded_keys}
        finally:
            mgr.stop()
    finally:
        sim.stop()


def run() -> Section:
    section = Section("p15", "P15 — keypad: false votes from 10,000 random isolated noise bytes")
    say(f"== {section.title}")
    runs = [("ascii", "ascii", True), ("ascii-no-guard", "ascii", False), ("framed", "framed", True)]
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="motcua-bench-p15-") as tmp_name:
        threads = [threading.Thread(target=_run, args=(Path(tmp_name), n, m, g, results)) for n, m, g in runs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    labels = {"ascii": "ASCII keypad, as shipped (single key byte between silences, 1 s noise guard)",
              "ascii-no-guard": "ASCII, timing rule alone (noise guard off; what the first version did)",
              "framed": "framed RS485 bus (0x01 addr key 0x07)"}
    for name, mode, shipped in runs:
        r = results.get(name)
        if r is None:
            section.rows.append(Row(labels[name], "0", "not measured", "—", "the run failed"))
            continue
        sent = r["sent"]
        say(f"  {name:15s} {sent.sent} bytes in {sent.seconds:.0f} s, {sent.keys} key bytes, {sent.isolated_keys} "
            f"of them alone between silences ≥ 30 ms; false votes {r['false']}; real press after quiet "
            f"{'counted' if r['real'] == 1 else 'MISSED'}")
        target = "0" if shipped else "—"
        section.rows.append(Row(
            labels[name], target, f"{r['false']} false votes in {sent.sent:,} bytes",
            verdict(r["false"] == 0 and r["real"] == 1) if shipped else "— (for scale)",
            (f"{sent.keys} bytes were a key (1–3), {sent.isolated_keys} of them alone between ≥ 30 ms silences; "
             if mode == "ascii" else "a single byte is never a frame; ")
            + f"{r['garbage']:,} garbage bytes counted, {r['guarded']} key bytes refused by the noise guard; the real "
            f"press after {1 if shipped else 0} s of quiet {'counted' if r['real'] == 1 else 'was MISSED'}; "
            f"{sent.seconds:.0f} s of noise"))
    section.details = [
        f"{BYTES:,} random bytes (seed {SEED}) per run, each written alone to a real pty and followed by a random "
        "silence of 15–75 ms (0.5–2.5 × the 30 ms frame timeout), read by the station's keypad reader at default "
        "settings on its own thread; the three runs go at once. A plain keypad sends a key as one byte, so a lone "
        "noise byte that happens to be a key has the very shape of a press: silence alone cannot tell them apart "
        "(the second row). The noise guard does: a key byte less than 1 s after noise is noise. The one case no "
        "rule can catch is a noise series whose very first byte is a key after a long silence (3 in 256 per series "
        "of noise); every later byte of the series is caught. Framed keypads need no guard: a single noise byte is "
        "never a 4-byte frame."]
    return section
