"""P2: `motcua ticket issue` as a whole process (start → number printed), on SQLite, and no Qt on CLI paths.

The figure is the wall time of `motcua --db sqlite:///… ticket issue --service DD` on a demo-seeded file, 20 runs
after 2 warm-ups. For scale the same run times the interpreter alone, `motcua --version` (start-up of `app`) and
`catalog export` (a heavier store command); where the time goes is shown by whole `python -c "import …"`
processes and by the `-X importtime` log of `ticket issue`.
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
    ("app.services.queue", "the queue service (what `ticket issue` calls on PostgreSQL or with a printer; on "
                           "SQLite with no printer it goes through `ticket_issue.issue_ticket_lean`, sqlite3 alone)"),
    ("app.store.migrate", "Alembic (the migrations; whether a command loads it is said above)"),
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


def _import_profile(stderr: str) -> tuple[list[str], float, dict[str, float], dict[str, float]]:
    """From `-X importtime` output: module names, total import time (s), self time per top-level package (s),
    self time per module (s)."""
    names: list[str] = []
    total = 0.0
    per_package: defaultdict[str, float] = defaultdict(float)
    per_module: dict[str, float] = {}
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
        per_module[name] = micro / 1e6
    return names, total, dict(per_package), per_module


WATCHED = (("alembic", "Alembic"), ("sqlalchemy.orm", "the SQLAlchemy ORM"), ("app.store.models", "the models"),
           ("PIL", "Pillow"), ("app.printing.ticket", "the ticket renderer"), ("argon2", "argon2"))


def run() -> Section:
    section = Section("p2", "P2 — `motcua ticket issue` as a whole process (SQLite)")
    say(f"== {section.title}")
    with tempfile.TemporaryDirectory(prefix="motcua-bench-p2-") as tmp_name:
        tmp = Path(tmp_name)
        env = _env(tmp)
        url = f"sqlite:///{tmp / 'p2.db'}"
        motcua = _motcua()
        _run([*motcua, "--db", url, "db", "upgrade"], env)
        _run([*motcua, "--db", url, "seed", "demo"], env)
        export = tmp / "export.csv"
        issue_args = ["--db", url, "ticket", "issue", "--service", "DD"]

        printed = _run([*motcua, *issue_args], env, capture=True).stdout.strip()
        say(f"  motcua ticket issue --service DD printed {printed!r}")
        baseline = _wall_times([sys.executable, "-c", "pass"], env)
        say(f"  python -c pass (interpreter alone): median {s(baseline.median)}  p90 {s(baseline.p90)}")
        version = _wall_times([*motcua, "--version"], env)
        say(f"  motcua --version:                   median {s(version.median)}  p90 {s(version.p90)}")
        issued = _wall_times([*motcua, *issue_args], env)
        say(f"  motcua ticket issue --service DD:   median {s(issued.median)}  p90 {s(issued.p90)}"
            f"   target median ≤ {TARGET_S} s")
        last = _run([*motcua, *issue_args], env, capture=True).stdout.strip()
        exported = _wall_times([*motcua, "--db", url, "catalog", "export", str(export)], env)
        say(f"  motcua catalog export (demo, 176):  median {s(exported.median)}  p90 {s(exported.p90)}   (for scale)")

        qt = {}
        profiles = {}
        for label, args in (("--version", ["--version"]), ("ticket issue", issue_args),
                            ("catalog export", ["--db", url, "catalog", "export", str(export)])):
            done = _run([sys.executable, "-X", "importtime", "-m", "app", *args], env, capture=True)
            names, total, per_package, per_module = _import_profile(done.stderr)
            qt[label] = [n for n in names if n.split(".")[0] in ("PySide6", "shiboken6")]
            profiles[label] = (names, total, per_package, per_module)
            say(f"  -X importtime {label}: {len(names)} modules, {s(total)} importing; "
                f"PySide6 imported: {'YES' if qt[label] else 'no'}")

        breakdown = []
        for module, what in BREAKDOWN:
            st = _wall_times([sys.executable, "-c", f"import {module}"], env, BREAKDOWN_RUNS)
            breakdown.append((module, what, st))
            say(f"  python -c 'import {module}': median {s(st.median)}")

    names, total_issue, pkgs, modules = profiles["ticket issue"]
    top = sorted(pkgs.items(), key=lambda kv: kv[1], reverse=True)[:6]
    top_text = ", ".join(f"{k} {ms(v)}" for k, v in top)
    top_app = sorted(((m, v) for m, v in modules.items() if m.split(".")[0] == "app"), key=lambda kv: kv[1],
                     reverse=True)[:5]
    top_app_text = ", ".join(f"`{m}` {ms(v)}" for m, v in top_app)
    watched = "; ".join(f"{what} (`{mod}`): {'imported' if mod in names else 'not imported'}" for mod, what in WATCHED)
    say(f"  heaviest imports of ticket issue (self time by package): {top_text}")
    say(f"  heaviest app modules of ticket issue (self time): {top_app_text}")
    say(f"  ticket issue imports: {watched}")
    numbers_ok = printed.isdigit() and last.isdigit() and int(last) == int(printed) + WARMUPS + RUNS + 1
    section.rows = [
        Row("`motcua --db sqlite:///… ticket issue --service DD` (demo centre), whole process, start → number "
            "printed", f"median ≤ {TARGET_S} s", f"median {s(issued.median)}, p90 {s(issued.p90)}",
            verdict(issued.median <= TARGET_S),
            f"{RUNS} runs after {WARMUPS} warm-ups; no printer configured (the number is printed on stdout); "
            f"first run printed {printed}, the last {last} "
            f"({'consecutive, as expected' if numbers_ok else 'NOT the expected consecutive numbers'})"),
        Row("no Qt on CLI paths (`python -X importtime -m app …`)", "no PySide6 import",
            "; ".join(f"{k}: {'PySide6 imported' if v else 'no PySide6'}" for k, v in qt.items()),
            verdict(not any(qt.values())), "checked once per command from the import log"),
        Row("`python -c pass` (interpreter alone, for scale)", "—",
            f"median {s(baseline.median)}, p90 {s(baseline.p90)}", "—", "the floor under every CLI figure"),
        Row("`motcua --version`, whole process (for scale)", "—",
            f"median {s(version.median)}, p90 {s(version.p90)}", "—", "start-up of `app` without the store"),
        Row("`motcua --db sqlite:///… catalog export …csv` (demo centre, 176 procedures), whole process "
            "(for scale)", "—", f"median {s(exported.median)}, p90 {s(exported.p90)}", "—",
            "a heavier store command: opens the store, checks the schema, reads and writes the catalogue"),
    ]
    section.details = [
        f"Where the time of `ticket issue` goes: its `-X importtime` log has {len(names)} modules, "
        f"{s(total_issue)} in total (the import log inflates times); the heaviest packages by self time: "
        f"{top_text}; the heaviest `app` modules: {top_app_text}. Imported or not: {watched}.", "",
        f"Whole `python -c \"import …\"` processes, median of {BREAKDOWN_RUNS} after {WARMUPS} warm-ups "
        f"(`python -c pass` is {s(baseline.median)}):", "",
        "| import | what | median |", "|---|---|---|",
        *[f"| `{module}` | {what} | {s(st.median)} |" for module, what, st in breakdown], "",
        f"Wall times, {RUNS} runs each: `--version` mean {s(version.mean)}, max {s(version.max)}; "
        f"`ticket issue` mean {s(issued.mean)}, max {s(issued.max)}; "
        f"`catalog export` mean {s(exported.mean)}, max {s(exported.max)}.",
    ]
    return section
