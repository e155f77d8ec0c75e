"""`python -m bench [NAME ...] [--write]`: run the benchmarks, print their figures, optionally write the page.

With `--write` and some names, the page keeps the sections of the benchmarks not run this time, each with its own
"Measured on … load …" line (sections written before that line existed get the date and load of the page they
came from).
"""

from __future__ import annotations

import argparse
import re
import sys
import traceback
from collections.abc import Callable
from datetime import datetime

from bench import (
    keypad_vote,
    offline_outage,
    p1_issue_concurrency,
    p2_cli_start,
    p3_call_to_display,
    p4_ticket_payload,
    p5_receipt,
    p5b_intake_save,
    p5c_transition,
    p6_search,
    p7_period_report,
    p8_daily_review,
    p9_dossier_import,
    p10_counter_start,
    p13_audit_verify,
    p14_bundle,
    p15_keypad_noise,
)
from bench.common import PROJECT, Section, load, machine, say

BENCHMARKS: dict[str, Callable[[], Section]] = {
    "p1": p1_issue_concurrency.run, "p2": p2_cli_start.run, "p3": p3_call_to_display.run,
    "p4": p4_ticket_payload.run, "p5": p5_receipt.run, "intake": p5b_intake_save.run,
    "transition": p5c_transition.run, "keypad": keypad_vote.run, "p6": p6_search.run, "p7": p7_period_report.run,
    "p8": p8_daily_review.run, "p9": p9_dossier_import.run, "p10": p10_counter_start.run,
    "p13": p13_audit_verify.run, "p14": p14_bundle.run,
    "p15": p15_keypad_noise.run,
    "offline": offline_outage.run,
}
# what a section's heading starts with (`## <label> — …`), by benchmark name
LABELS = {k: k.upper() for k in BENCHMARKS} | {"intake": "Issue 4", "transition": "Issue 5", "keypad": "Issue 6",
                                              "offline": "Issue 13"}
ALL_TARGETS = [f"p{i}" for i in range(1, 11)]
PAGE = PROJECT / "docs" / "benchmarks.md"
HEADING = re.compile(r"^## (.+?) — ")
MEASURED_PREFIX = "Measured on "


def stamp() -> str:
    return f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"


def measured_line(started: str, load_before: str, load_after: str) -> str:
    """The one line under a section's heading: when it was measured and how busy the machine was."""
    return (f"{MEASURED_PREFIX}{started}; load average at its start {load_before}, at its end {load_after} "
            "(a load near or above the core count means other work shared the CPU).")


def earlier_sections(text: str) -> dict[str, str]:
    """The sections of an existing page by benchmark name (unknown headings keyed by their label), each with a
    "Measured on" line (taken from the page's own date and load when the section has none)."""
    label_to_key = {v: k for k, v in LABELS.items()}
    page_date = re.search(r"^Measured on (.+):$", text, re.MULTILINE)
    page_load = re.search(r"^- load average when the run started: (.+?); when it ended: (.+?) \(", text, re.MULTILINE)
    fallback = ""
    if page_date:
        fallback = (f"{MEASURED_PREFIX}{page_date.group(1)} (an earlier run of the whole page)"
                    + (f"; load average at the start of that run {page_load.group(1)}, at its end "
                       f"{page_load.group(2)}." if page_load else "."))
    sections: dict[str, str] = {}
    current: list[str] | None = None
    key = ""
    for line in text.splitlines() + ["## END — "]:
        match = HEADING.match(line)
        if match:
            if current is not None:
                body = "\n".join(current).rstrip() + "\n"
                if fallback and MEASURED_PREFIX not in body.split("\n|", 1)[0]:
                    head, _, rest = body.partition("\n")
                    body = f"{head}\n\n{fallback}\n{rest}"
                sections[key] = body
            label = match.group(1).strip()
            key, current = label_to_key.get(label, label), [line]
        elif current is not None:
            current.append(line)
    return sections


def page(sections: list[Section], kept: dict[str, str], load_before: str, load_after: str) -> str:
    """docs/benchmarks.md: the machine, how to run, then a section per benchmark (run now or kept)."""
    lines = ["# Benchmarks", "",
             "Figures for the performance targets of `../shared/design/QUALITY.md` (P1–P10) and the per-issue "
             "targets of the dossier work (issue 4: intake save, issue 5: a state transition). Benchmarks are not "
             "tests: they measure and print each figure next to its target, and where a peer's design is named "
             "they measure the peer's way in the same run and print the ratio. Nothing fails on a slow machine.",
             "", "Run them with `make bench` (which runs `.venv/bin/python -m bench`); `.venv/bin/python -m bench p6` "
             "runs one, and `.venv/bin/python -m bench --write` rewrites this page (`--write` with names rewrites "
             "only their sections and keeps the others as they were). Every benchmark works in temporary folders "
             "(the CLI runs with `MOTCUA_DATA_DIR` and `MOTCUA_CONFIG_DIR` pointing at them) and throwaway "
             "databases, never in the user's data. Each section says when it was measured and the load average "
             "then.", "",
             f"The machine (page last written {stamp()}):", ""]
    lines += [f"- {k}: {v}" for k, v in machine().items()]
    lines += [f"- load average when the last run started: {load_before}; when it ended: {load_after}"]
    missing = [k.upper() for k in ALL_TARGETS if k not in BENCHMARKS]
    lines += ["", f"Targets without a benchmark yet (their features do not exist yet): {', '.join(missing)}."
              if missing else "Every target has a benchmark.", ""]
    run_now = {s.key: s for s in sections}
    # a kept section whose heading label is that of a section run now is replaced by it (a benchmark registered
    # without an entry in LABELS is still matched by its heading)
    run_labels = {s.title.split(" — ")[0] for s in sections}
    kept = {k: v for k, v in kept.items() if k not in run_labels}
    kept_names = [LABELS[k] for k in BENCHMARKS if k not in run_now and k in kept]
    never = [LABELS[k] for k in BENCHMARKS if k not in run_now and k not in kept]
    if kept_names:
        lines += [f"Kept from earlier runs (not run this time): {', '.join(kept_names)}.", ""]
    if never:
        lines += [f"Not measured yet: {', '.join(never)}.", ""]
    body = []
    for key in BENCHMARKS:
        if key in run_now:
            body.append(run_now[key].markdown())
        elif key in kept:
            body.append(kept[key])
    body += [text for key, text in kept.items() if key not in BENCHMARKS]  # unknown headings: never dropped
    return "\n".join(lines) + "\n" + "\n".join(body)


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
    kept = earlier_sections(PAGE.read_text(encoding="utf-8")) if args.write and PAGE.exists() else {}
    sections, failed = [], []
    for name in names:
        started, before = stamp(), load()
        try:
            section = BENCHMARKS[name]()
        except Exception:  # one broken benchmark must not lose the others' figures
            traceback.print_exc()
            say(f"  {name} failed; its section on the page (if any) is kept as it was")
            failed.append(name)
            continue
        section.measured = measured_line(started, before, load())
        sections.append(section)
        say(f"  ({section.measured})")
        say()
        if args.write:  # after each benchmark, so a later failure or interruption keeps what was measured
            PAGE.write_text(page(sections, kept, load_before, load()), encoding="utf-8")
            say(f"wrote {PAGE}")
    if not args.write:
        for section in sections:
            say(section.markdown())
    if failed:
        say(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
