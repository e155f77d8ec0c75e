"""`python -m bench [NAME ...] [--write]`: run the benchmarks, print their figures, optionally write the page."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime

from bench import (
    p1_issue_concurrency,
    p2_cli_start,
    p3_call_to_display,
    p4_ticket_payload,
    p6_search,
)
from bench.common import PROJECT, Section, load, machine, say

BENCHMARKS: dict[str, Callable[[], Section]] = {
    "p1": p1_issue_concurrency.run, "p2": p2_cli_start.run, "p3": p3_call_to_display.run,
    "p4": p4_ticket_payload.run, "p6": p6_search.run,
}
ALL_TARGETS = [f"p{i}" for i in range(1, 11)]
PAGE = PROJECT / "docs" / "benchmarks.md"


def page(sections: list[Section], load_before: str, load_after: str) -> str:
    """docs/benchmarks.md: the machine, the date, how to run, then a section per benchmark."""
    lines = ["# Benchmarks", "",
             "Figures for the performance targets of `../shared/design/QUALITY.md` (P1–P10). Benchmarks are not "
             "tests: they measure and print each figure next to its target, and where a peer's design is named "
             "they measure the peer's way in the same run and print the ratio. Nothing fails on a slow machine.",
             "", "Run them with `make bench` (which runs `.venv/bin/python -m bench`); `.venv/bin/python -m bench p6` "
             "runs one, and `.venv/bin/python -m bench --write` rewrites this page. Every benchmark works in "
             "temporary folders (the CLI runs with `MOTCUA_DATA_DIR` and `MOTCUA_CONFIG_DIR` pointing at them), "
             "never in the user's data.", "",
             f"Measured on {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}:", ""]
    lines += [f"- {k}: {v}" for k, v in machine().items()]
    lines += [f"- load average when the run started: {load_before}; when it ended: {load_after} (a load near or "
              "above the core count means other work shared the CPU and the maxima are noisy)"]
    missing = [k.upper() for k in ALL_TARGETS if k not in BENCHMARKS]
    lines += ["", f"Targets without a benchmark yet (their features do not exist yet): {', '.join(missing)}."
              if missing else "Every target has a benchmark.", ""]
    skipped = [k.upper() for k in BENCHMARKS if k not in {s.key for s in sections}]
    if skipped:
        lines += [f"Not run this time (`python -m bench` with names): {', '.join(skipped)}.", ""]
    return "\n".join(lines) + "\n" + "\n".join(s.markdown() for s in sections)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run ({', '.join(BENCHMARKS)}); all when none is named")
    parser.add_argument("--write", action="store_true", help=f"rewrite {PAGE.relative_to(PROJECT)}")
    args = parser.parse_args(argv)
    names = [n.lower() for n in args.names] or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    say("Machine: " + "; ".join(f"{k} {v}" for k, v in machine().items()))
    load_before = load()
    say(f"Load average: {load_before}")
    sections = []
    for name in names:
        sections.append(BENCHMARKS[name]())
        say()
    if args.write:
        PAGE.write_text(page(sections, load_before, load()), encoding="utf-8")
        say(f"wrote {PAGE}")
    else:
        for section in sections:
            say(section.markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
