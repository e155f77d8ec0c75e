"""The command line is a public contract: every command path and option of `build_parser()`, compared with a
list written here (not derived from the code), so a moved or renamed module cannot drop one unseen."""

from __future__ import annotations

import argparse

from app.cli.parser import build_parser

# path: options in order; [required], choices, nargs, default, type and action where they are not plain
EXPECTED = """
motcua: --version [version]; --db; --config [type=Path]; --json [store_true]
db:
db upgrade:
db check:
db roles: --prefix [default=motcua_]; --password-stdin [store_true]
db password: --url [required]
seed:
seed demo: --procedures [type=int]; --officer
catalog:
catalog import: file [type=Path]; --officer
catalog export: file [type=Path]
catalog agency: key; --head-name; --head-title; --officer
user:
user add: login; --name [required]; --role [required choices=officer,supervisor,admin]; --officer
user passwd: login; --officer
user list: --officer
login: login; --minutes [default=60 type=int]
logout:
ticket:
ticket issue: --service [required]; --priority [choices=elderly,disabled,pregnant,small_child,merit nargs=?]; --printer; --profile [choices=80mm,58mm]
ticket reprint: number; --service; --date [type=parse_day]; --printer; --profile [choices=80mm,58mm]
queue:
queue call: --counter [required type=int]; --officer
queue recall: --counter [required type=int]; --officer
queue serve: --counter [required type=int]; --officer
queue finish: --counter [required type=int]; --officer
queue skip: --counter [required type=int]; --officer
queue transfer: ticket; --to [required]; --counter [type=int]; --officer
queue cancel: ticket; --reason [default=]; --officer
queue status:
devices:
devices test-print: --printer [required]; --profile [choices=80mm,58mm]
devices list:
simulate:
simulate printer: --out [default=tickets type=Path]; --link [type=Path]; --width [choices=80mm,58mm default=80mm]
simulate keypad: --link [type=Path]; --protocol [choices=ascii,framed default=ascii]; --address [type=int]
dossier:
dossier receive: --procedure [required]; --name [required]; --id-number [default=]; --tax-code [default=]; --phone [default=]; --address [default=]; --email [default=]; --birth-year [type=int]; --sex [choices=male,female]; --owner [default=]; --owner-id [default=]; --channel [choices=direct,online,postal default=direct]; --online-level [choices=3,4 type=int]; --sets [default=1 type=int]; --post; --on-the-spot [store_true]; --ticket; --officer; --receipt [type=Path]; --request-id [type=_request_id]
dossier show: code
dossier hand-over: code; --reason [default=]; --officer; --unit [required]
dossier hand_over: code; --reason [default=]; --officer; --unit [required]
dossier hand-back: code; --reason [default=]; --officer
dossier hand_back: code; --reason [default=]; --officer
dossier request-supplement: code; --reason [default=]; --officer; --missing [required]; --out [type=Path]
dossier request_supplement: code; --reason [default=]; --officer; --missing [required]; --out [type=Path]
dossier resume: code; --reason [default=]; --officer
dossier await-payment: code; --reason [default=]; --officer
dossier await_payment: code; --reason [default=]; --officer
dossier paid: code; --reason [default=]; --officer; --receipt-no [required]; --amount [type=int]; --method [choices=cash,transfer,card,online default=cash]
dossier withdraw: code; --reason [default=]; --officer
dossier stop: code; --reason [default=]; --officer
dossier cancel: code; --reason [default=]; --officer
dossier resolve: code; --reason [default=]; --officer
dossier return-result: code; --reason [default=]; --officer; --collector [default=]
dossier return_result: code; --reason [default=]; --officer; --collector [default=]
dossier dispatch-by-post: code; --reason [default=]; --officer; --tracking [required]
dossier dispatch_by_post: code; --reason [default=]; --officer; --tracking [required]
dossier apology: code; --reason [default=]; --officer; --new-date [required type=parse_day]
dossier accept: code; --reason [default=]; --officer; --out [type=Path]
dossier refuse: code; --reason [default=]; --officer; --out [type=Path]
dossier history: code
dossier registered:
dossier late:
dossier due-soon: --days [default=1 type=int]
dossier import: file [type=Path]; --officer
dossier export: file [type=Path]
dossier form: number [choices=04,05,06]; code; --out [required type=Path]; --officer
dossier register: --from [required type=parse_day]; --to [required type=parse_day]; --out [required type=Path]
print:
print receipt: code; --out [required type=Path]
print form: number [choices=01,02,03,04,05,06,07]; code [nargs=?]; --out [required type=Path]; --procedure; --applicant [default=]; --applicant-address [default=]; --applicant-phone [default=]; --ticket; --reason [default=]; --missing [default=]; --officer; --from [type=parse_day]; --to [type=parse_day]
report:
report period: --from [required type=parse_day]; --to [required type=parse_day]; --by [choices=agency,field default=agency]; --format [choices=text,csv,json,xlsx,pdf]; --out [type=Path]
report satisfaction: --from [required type=parse_day]; --to [required type=parse_day]; --by [choices=counter,officer,service,agency]; --format [choices=text,csv,json default=text]; --out [type=Path]
report daily: --date [type=parse_day]; --format [choices=text,csv,xlsx,pdf default=text]; --out [type=Path]; --officer
report fees: --from [required type=parse_day]; --to [required type=parse_day]; --format [choices=text,csv,json default=text]; --out [type=Path]
admin:
counter: --counter [type=int]; --windowed [store_true]
kiosk: --printer; --profile [choices=80mm,58mm]; --windowed [store_true]
display: --notice [default=]; --mute [store_true]; --windowed [store_true]
rating: --counter [type=int]; --windowed [store_true]
supervisor: --windowed [store_true]
demo:
keypad:
keypad listen: --port [required]; --counter [required type=int append]; --protocol [choices=ascii,framed]; --address [type=int append]; --keys; --baud [type=int]; --frame-timeout-ms [type=int]; --for [type=float]
setup: --station [choices=kiosk,counter,display,rating,supervisor,admin]; --counter; --embedded [store_true]; --server-host; --server-port; --database; --user; --password-stdin [store_true]; --ssl-ca; --printer; --printer-profile [choices=80mm,58mm]; --keypad; --keypad-protocol [choices=ascii,framed]; --keypad-address; --autostart/--no-autostart; --check [store_true]
station: --windowed [store_true]
support:
support bundle: --out [required type=Path]
sync:
sync status:
sync now:
sync set-aside: item; --reason [required]; --officer
audit:
audit verify: --from [type=parse_day]; --to [type=parse_day]
audit log: --from [type=parse_day]; --to [type=parse_day]
calendar:
calendar list:
calendar set: day [type=parse_day]; --kind [required choices=off,work]; --reason [required]; --officer
calendar unset: day [type=parse_day]; --officer
"""

_ACTION_NAMES = {argparse._StoreTrueAction: "store_true", argparse._AppendAction: "append",
                 argparse._VersionAction: "version"}


def _describe(action: argparse.Action) -> str:
    name = "/".join(action.option_strings) if action.option_strings else action.dest
    extra = []
    if action.required and action.option_strings:
        extra.append("required")
    if action.choices is not None:
        extra.append("choices=" + ",".join(map(str, action.choices)))
    if action.nargs not in (None, 0):
        extra.append(f"nargs={action.nargs}")
    if action.default not in (None, argparse.SUPPRESS, False):
        extra.append(f"default={action.default}")
    if action.type is not None:
        extra.append(f"type={getattr(action.type, '__name__', action.type)}")
    if type(action) in _ACTION_NAMES:
        extra.append(_ACTION_NAMES[type(action)])
    return name + (f" [{' '.join(extra)}]" if extra else "")


def _walk(parser: argparse.ArgumentParser, path: list[str]) -> list[str]:
    """One line per command path: its options in order, then its sub-commands (in the order `--help` lists)."""
    plain = [a for a in parser._actions if not isinstance(a, (argparse._SubParsersAction, argparse._HelpAction))]
    lines = [f"{' '.join(path) or 'motcua'}: {'; '.join(_describe(a) for a in plain)}".rstrip()]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                lines += _walk(sub, [*path, name])
    return lines


def test_every_command_and_option_is_kept() -> None:
    assert _walk(build_parser(), []) == EXPECTED.strip().splitlines()


def test_the_comparison_can_fail() -> None:
    parser = build_parser()
    lines = _walk(parser, [])
    parser._subparsers._group_actions[0].choices.pop("queue")  # type: ignore[union-attr]
    assert _walk(parser, []) != lines
