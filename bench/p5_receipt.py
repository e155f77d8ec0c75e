"""P5: the receipt (Mẫu 01, two A5 copies, each with a Code 128 barcode and a QR code of the dossier code) as a PDF.

Two figures after a warm-up: the pure render (`app.printing.forms.render_receipt(data, out)` from a ready
`ReceiptData`, what the printing layer does) and the service call the counter and `motcua print receipt` make
(`app.services.dossier_forms.render_receipt(ctx, code, out)`: read the dossier, its documents, history and the
centre settings, then render), on SQLite and on PostgreSQL. Each PDF is written to a file in a temporary folder,
as the counter does before printing it.
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import PROJECT, Row, Section, Stats, ms, pg_database, pg_unavailable, say, seeded_store, verdict

TARGET_S = 0.150
WARMUP = 3
RUNS = 50
PROCEDURE = "DEMO.SXD.004"


def _dossier(ctx: Any) -> str:
    """A dossier received the way the counter receives it; returns its code."""
    from app.domain.dossier import IntakeDraft
    from app.services import dossiers
    from app.services.context import Actor

    draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912 345 678",
                        address="Số 12, phường Tân Phong, thành phố Lai Châu", email="tuyet.nta@example.vn",
                        birth_year=1985, sex="female")
    pid = dossiers.procedure_id_by_code(ctx, PROCEDURE)
    return dossiers.receive_dossier(ctx, Actor.maintenance(ctx), pid, draft).code


def _time(fn: Any, runs: int = RUNS) -> list[float]:
    for _ in range(WARMUP):
        fn()
    gc.collect()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def _top(fn: Any, n: int = 8, calls: int = 10, only: str = "") -> list[str]:
    """The costliest functions (cumulative time) of `calls` calls of `fn` (those whose file contains `only`)."""
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(calls):
        fn()
    profile.disable()
    stats = pstats.Stats(profile)
    rows = sorted(((v[3], v[2], k) for k, v in stats.stats.items()), reverse=True)  # type: ignore[attr-defined]
    out = []
    for cum, own, (file, line, name) in rows:
        short = file.split("site-packages/")[-1].replace(str(PROJECT) + "/", "")
        if short.startswith("~") or "bench/" in short or "cProfile" in short or only not in short:
            continue
        out.append(f"`{short}:{line}({name})` {ms(cum / calls)} cumulative, {ms(own / calls)} own per call")
        if len(out) == n:
            break
    return out


def _measure(url: str, tmp: Path, backend: str) -> dict[str, Any]:
    from app.printing import forms
    from app.services import dossier_forms
    from app.services.context import Context

    store = seeded_store(url)
    try:
        ctx = Context(store)
        code = _dossier(ctx)
        out = tmp / f"receipt-{backend}.pdf"
        result: dict[str, Any] = {"code": code}
        data = dossier_forms.receipt_data(ctx, code)
        start = time.perf_counter()
        forms.render_receipt(data, tmp / f"first-{backend}.pdf")
        result["first"] = time.perf_counter() - start
        result["render"] = _time(lambda: forms.render_receipt(data, out))
        result["size"] = out.stat().st_size
        result["data"] = _time(lambda: dossier_forms.receipt_data(ctx, code))
        result["service"] = _time(lambda: dossier_forms.render_receipt(ctx, code, out))
        result["profile_render"] = _top(lambda: forms.render_receipt(data, out))
        result["profile_service"] = _top(lambda: dossier_forms.render_receipt(ctx, code, out))
        result["pdf"] = out.read_bytes()
    finally:
        store.dispose()
    return result


def _check_codes(pdf: bytes, code: str, tmp: Path) -> str:
    """Whether zbarimg finds the code twice as Code 128 and twice as QR on the rendered pages (when installed)."""
    import shutil
    import subprocess

    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        return "not checked (pdftoppm / zbarimg not installed)"
    path = tmp / "check.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(tmp / "page")], check=True)
    found = []
    for page in sorted(tmp.glob("page*.png")):
        out = subprocess.run(["zbarimg", "-q", str(page)], capture_output=True, text=True).stdout.split()
        found += out
    qr = sum(1 for f in found if f == f"QR-Code:{code}")
    bar = sum(1 for f in found if f == f"CODE-128:{code}")
    return f"zbarimg at 200 dpi: {bar} Code 128 and {qr} QR of {code} on the 2 pages"


def run() -> Section:
    section = Section("p5", "P5 — receipt Mẫu 01 (A5, 2 copies) as PDF with barcode and QR")
    say(f"== {section.title}")
    results: dict[str, dict[str, Any]] = {}
    reason = pg_unavailable()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-p5-") as tmpname:
        tmp = Path(tmpname)
        results["sqlite"] = _measure(f"sqlite:///{tmp / 'p5.db'}", tmp, "sqlite")
        if reason:
            say(f"  PostgreSQL not measured: {reason}")
        else:
            with pg_database() as url:
                results["postgresql"] = _measure(url, tmp, "postgresql")
        codes = _check_codes(results["sqlite"]["pdf"], results["sqlite"]["code"], tmp)
    say(f"  {codes}")

    sq = results["sqlite"]
    render = Stats.of(sq["render"])
    data = Stats.of(sq["data"])
    say(f"  pure render: median {ms(render.median)}  p90 {ms(render.p90)}  max {ms(render.max)}  (first "
        f"{ms(sq['first'])}; {sq['size']:,} bytes)  target ≤ {ms(TARGET_S)}")
    rows = [Row("`forms.render_receipt(data, out)`: pure render of Mẫu 01 to a file, after warm-up",
                f"≤ {ms(TARGET_S)} each", f"median {ms(render.median)}, p90 {ms(render.p90)}, max {ms(render.max)}",
                verdict(render.max <= TARGET_S),
                f"{render.n} renders after {WARMUP} warm-ups; verdict on the max; PDF {sq['size']:,} bytes (2 A5 "
                f"pages, DejaVu embedded, 2 Code 128 + 2 QR); the first render of the process took "
                f"{ms(sq['first'])} (font loading); {codes}")]
    for backend in ("sqlite", "postgresql"):
        label = "SQLite" if backend == "sqlite" else "PostgreSQL"
        if backend not in results:
            rows.append(Row(f"`dossier_forms.render_receipt(ctx, code, out)` on {label}", f"≤ {ms(TARGET_S)}",
                            "not measured", "—", reason or ""))
            continue
        r = results[backend]
        st, rd = Stats.of(r["service"]), Stats.of(r["data"])
        say(f"  service {backend:10s}: median {ms(st.median)}  p90 {ms(st.p90)}  max {ms(st.max)}"
            f"  (reading the dossier: median {ms(rd.median)})")
        rows.append(Row(f"`dossier_forms.render_receipt(ctx, code, out)` (read the dossier + render), {label}",
                        f"≤ {ms(TARGET_S)} each", f"median {ms(st.median)}, p90 {ms(st.p90)}, max {ms(st.max)}",
                        verdict(st.max <= TARGET_S),
                        f"{st.n} calls after {WARMUP} warm-ups on a demo-seeded store, verdict on the max; of it "
                        f"`receipt_data` (dossier, documents, events, officer, centre settings): median "
                        f"{ms(rd.median)}, max {ms(rd.max)}"))
    section.rows = rows
    section.details = [
        "Where the time of the pure render goes (cProfile, 10 renders, cumulative per render; the profiler "
        "inflates the figures):", ""] + [f"- {line}" for line in sq["profile_render"]] + [
        "", f"The dossier: procedure {PROCEDURE} with its catalogue documents, received by `receive_dossier` with "
        "a full applicant (name, ID, phone, address, e-mail). `receipt_data` alone: median "
        f"{ms(data.median)} on SQLite."]
    return section
