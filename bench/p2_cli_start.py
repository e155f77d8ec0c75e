"""P2 groundwork: the `motcua` CLI as whole processes (start → exit), on SQLite, and no Qt on CLI paths.

The target (QUALITY.md P2) is for `motcua ticket issue`, which does not exist yet; these are the groundwork
figures for what every CLI command pays today: interpreter + `app` start-up (`--version`), and a store command
(`catalog export` of the demo centre), which opens the store, checks the schema and reads the catalogue.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.common import PROJECT, Row, Section, Stats, ms, s, say, verdict

TARGET_S = 0.35
WARMUPS = 2
RUNS = 20
BREAKDOWN_RUNS = 7
# what a store command imports, cumulatively: each line is a whole `python -c "import …"` process
BREAKDOWN = (
    ("sqlalchemy", "SQLAlchemy core"),
    ("sqlalchemy.orm", "+ the ORM"),
    ("app.services.context", "the store's engine and the service context"),
    ("app.store.models", "+ the models (declarative classes)"),
    ("app.services.catalog", "+ the catalogue service"),
    ("app.store.migrate", "Alembic (loaded by the schema check of every store command)"),
)


def _motcua() -> list[str]:
    """The installed `motcua` script next to this interpreter, else `python -m app`."""
    script = Path(sys.executable).with_name("motcua")
    return [str(script)] if script.exists() else [sys.executable, "-m", "app"]


def _env(tmp: Path) -> dict[str, str]:
    """The environment for child processes: temp config and data folders, never the user's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    env["MOTCUA_DATA_DIR"] = str(tmp / "data")
    env["MOTCUA_CONFIG_DIR"] = str(tmp / "config")
    return env


def _run(cmd: list[str], env: dict[str, str], capture: bool = False) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, env=env, cwd=PROJECT, text=True, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return done


def _wall_times(cmd: list[str], env: dict[str, str], runs: int = RUNS) -> Stats:
    """Wall time of whole processes, from spawn to exit: WARMUPS unrecorded runs, then `runs` recorded."""
    for _ in range(WARMUPS):
        _run(cmd, env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _run(cmd, env)
        times.append(time.perf_counter() - start)
    return Stats.of(times)


def _import_profile(stderr: str) -> tuple[list[str], float, dict[str, float]]:
    """From `-X importtime` output: module names, total import time (s), self time per top-level package (s)."""
    names: list[str] = []
    total = 0.0
    per_package: defaultdict[str, float] = defaultdict(float)
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        try:
            self_us, _cumulative, name = line[len("import time:"):].split("|", 2)
            micro = int(self_us)
        except ValueError:
            continue
        name = name.strip()
        names.append(name)
        total += micro / 1e6
        per_package[name.split(".")[0]] += micro / 1e6
    return names, total, dict(per_package)


def run() -> Section:
    section = Section("p2", "P2 groundwork — CLI as a whole process (SQLite)")
    say(f"== {section.title}")
    with tempfile.TemporaryDirectory(prefix="motcua-bench-p2-") as tmp_name:
        tmp = Path(tmp_name)
        env = _env(tmp)
        url = f"sqlite:///{tmp / 'p2.db'}"
        motcua = _motcua()
        _run([*motcua, "--db", url, "db", "upgrade"], env)
        _run([*motcua, "--db", url, "seed", "demo"], env)
        export = tmp / "export.csv"

        baseline = _wall_times([sys.executable, "-c", "pass"], env)
        say(f"  python -c pass (interpreter alone): median {s(baseline.median)}  p90 {s(baseline.p90)}")
        version = _wall_times([*motcua, "--version"], env)
        say(f"  motcua --version:                   median {s(version.median)}  p90 {s(version.p90)}"
            f"   target median ≤ {TARGET_S} s (for `ticket issue`)")
        exported = _wall_times([*motcua, "--db", url, "catalog", "export", str(export)], env)
        say(f"  motcua catalog export (demo, 176):  median {s(exported.median)}  p90 {s(exported.p90)}"
            f"   target median ≤ {TARGET_S} s (for `ticket issue`)")

        qt = {}
        profiles = {}
        for label, args in (("--version", ["--version"]),
                            ("catalog export", ["--db", url, "catalog", "export", str(export)])):
            done = _run([sys.executable, "-X", "importtime", "-m", "app", *args], env, capture=True)
            names, total, per_package = _import_profile(done.stderr)
            qt[label] = [n for n in names if n.split(".")[0] in ("PySide6", "shiboken6")]
            profiles[label] = (len(names), total, per_package)
            say(f"  -X importtime {label}: {len(names)} modules, {s(total)} importing; "
                f"PySide6 imported: {'YES' if qt[label] else 'no'}")

        breakdown = []
        for module, what in BREAKDOWN:
            st = _wall_times([sys.executable, "-c", f"import {module}"], env, BREAKDOWN_RUNS)
            breakdown.append((module, what, st))
            say(f"  python -c 'import {module}': median {s(st.median)}")

    n_exp, total_exp, pkgs = profiles["catalog export"]
    top = sorted(pkgs.items(), key=lambda kv: kv[1], reverse=True)[:6]
    top_text = ", ".join(f"{k} {ms(v)}" for k, v in top)
    say(f"  heaviest imports of catalog export (self time by package): {top_text}")
    groundwork = "groundwork: `ticket issue` does not exist yet"
    section.rows = [
        Row("`python -c pass` (interpreter alone, for scale)", "—",
            f"median {s(baseline.median)}, p90 {s(baseline.p90)}", "—", "the floor under every CLI figure"),
        Row("`motcua --version`, whole process", f"median ≤ {TARGET_S} s",
            f"median {s(version.median)}, p90 {s(version.p90)}", verdict(version.median <= TARGET_S),
            f"{groundwork}; {RUNS} runs after {WARMUPS} warm-ups"),
        Row("`motcua --db sqlite:///… catalog export …csv` (demo centre, 176 procedures), whole process",
            f"median ≤ {TARGET_S} s", f"median {s(exported.median)}, p90 {s(exported.p90)}",
            verdict(exported.median <= TARGET_S),
            f"{groundwork}; opens the store, checks the schema, reads and writes the catalogue; "
            f"{RUNS} runs after {WARMUPS} warm-ups"),
        Row("no Qt on CLI paths (`python -X importtime -m app …`)", "no PySide6 import",
            "; ".join(f"{k}: {'PySide6 imported' if v else 'no PySide6'}" for k, v in qt.items()),
            verdict(not any(qt.values())), "checked once per command from the import log"),
    ]
    section.details = [
        f"Where the time of a store command goes: whole `python -c \"import …\"` processes, median of "
        f"{BREAKDOWN_RUNS} after {WARMUPS} warm-ups (`python -c pass` is {s(baseline.median)}):", "",
        "| import | what | median |", "|---|---|---|",
        *[f"| `{module}` | {what} | {s(st.median)} |" for module, what, st in breakdown], "",
        f"Imports of `catalog export` under `-X importtime`: {n_exp} modules, {s(total_exp)} in total "
        f"(the import log inflates times); the heaviest packages by self time: {top_text}.",
        "",
        f"Wall times, {RUNS} runs each: "
        f"`--version` mean {s(version.mean)}, max {s(version.max)}; "
        f"`catalog export` mean {s(exported.mean)}, max {s(exported.max)}.",
    ]
    return section
