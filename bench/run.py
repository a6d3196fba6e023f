"""The benchmark: slidegen's build against the python-pptx floor, warm rebuilds and scaling, as tables.

    python3 tasks.py bench [--quick] [--reps N] [--sizes 30,300,1000] [--json FILE] [--only skype|answers|scaling|import]

Every timed run is a fresh process (except the in-process rebuilds), repeated; the tables show the
median and, in brackets, the fastest and slowest run. Progress goes to stderr, the tables (markdown)
to stdout. Nothing here is part of the test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from measure import Sample, Stat, repeat, run, stats  # noqa: E402
from stress import make_project  # noqa: E402

PY = sys.executable
SLIDEGEN = str(Path(PY).parent / "slidegen")
SKYPE = "skype-2016-10-28"
TARGET_RATIO = 1.3
TARGET_MIB = 150


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def machine() -> dict[str, str]:
    """Cores, memory, CPU, OS, Python, the libraries' and LibreOffice's versions."""
    info = {"cores": str(os.cpu_count())}
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        info["RAM"] = f"{kib / 2**20:.1f} GiB"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        info["CPU"] = model.group(1).strip() if model else "?"
    info["OS"] = platform.platform()
    info["Python"] = platform.python_version()
    for dist in ("python-pptx", "lxml", "pydantic", "PyYAML", "click", "matplotlib"):
        info[dist] = metadata.version(dist)
    from slidegen.output.libreoffice import find_soffice

    soffice = find_soffice()
    if soffice:
        done = subprocess.run([str(soffice), "--version"], capture_output=True, text=True, timeout=120)
        info["LibreOffice"] = done.stdout.strip() or "?"
    else:
        info["LibreOffice"] = "not installed"
    info["load average at start"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return info


def copy_project(dest: Path, native: bool = False) -> Path:
    """The shipped content/ and themes/ under dest; with `native`, the Skype deck draws native charts."""
    for name in ("content", "themes"):
        shutil.copytree(ROOT / name, dest / name)
    if native:
        deck = dest / "content" / "decks" / f"{SKYPE}.yaml"
        text = deck.read_text(encoding="utf-8")
        assert "\ncharts: image\n" in text and "renderer:" not in text
        deck.write_text(text.replace("\ncharts: image\n", "\ncharts: native\n"), encoding="utf-8")
    return dest


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def imported(cmd: list[str], env: dict[str, str], cwd: Path) -> list[str]:
    """Which of python-pptx and matplotlib a command imports (from -X importtime)."""
    done = subprocess.run([PY, "-X", "importtime", *cmd], env=env, cwd=cwd, capture_output=True, text=True)
    names = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    return sorted(n for n in ("pptx", "matplotlib") if n in names)


def skype_section(tmp: Path, env: dict[str, str], reps: int, results: dict) -> list[str]:
    """Whole-process builds of the Skype deck against the floor; startup; memory; warm rebuilds."""
    image = copy_project(tmp / "skype")
    native = copy_project(tmp / "skype-native", native=True)
    out = tmp / "out"
    deck_i = image / "content" / "decks" / f"{SKYPE}.yaml"
    deck_n = native / "content" / "decks" / f"{SKYPE}.yaml"
    cache = image / "output" / ".cache"

    def build_cmd(project: Path, deck: Path) -> list[str]:
        return [SLIDEGEN, "--root", str(project), "build", "-q", str(deck), "--out-dir", str(out)]

    def drop_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    log("warming up (bytecode, matplotlib's font list, chart cache) …")
    run(build_cmd(image, deck_i), env)
    run(build_cmd(native, deck_n), env)
    dumps = tmp / "plans"
    plan_i = Path(run([PY, str(BENCH / "dump_plan.py"), str(image), str(deck_i), str(dumps / "image")], env).out.strip())
    plan_n = Path(run([PY, str(BENCH / "dump_plan.py"), str(native), str(deck_n), str(dumps / "native")], env).out.strip())
    floor_i = [PY, str(BENCH / "floor.py"), str(plan_i), str(out / "floor-image.pptx")]
    floor_n = [PY, str(BENCH / "floor.py"), str(plan_n), str(out / "floor-native.pptx")]
    run(floor_i, env)

    as_is = dict(os.environ)
    shell = "this shell's environment" + (" (PYTHONDONTWRITEBYTECODE=1: slidegen's modules compiled every run)"
                                          if os.environ.get("PYTHONDONTWRITEBYTECODE") else "")
    cases = [
        ("slidegen build, image charts, chart cache empty", build_cmd(image, deck_i), env, drop_cache),
        ("slidegen build, image charts, chart cache warm", build_cmd(image, deck_i), env, None),
        ("slidegen build, native charts", build_cmd(native, deck_n), env, None),
        ("floor, image charts (same PNGs)", floor_i, env, None),
        ("floor, native charts", floor_n, env, None),
        (f"slidegen build, cache warm, {shell}", build_cmd(image, deck_i), as_is, None),
        (f"floor, image charts, {shell}", floor_i, as_is, None),
    ]
    log(f"the Skype deck: {len(cases)} kinds of run, in turn, ×{reps} …")
    samples: dict[str, list[Sample]] = {name: [] for name, *_ in cases}
    for _ in range(reps):  # in turn, so that every kind of run meets the same load on the machine
        for name, cmd, e, before in cases:
            if before:
                before()
            samples[name].append(run(cmd, e))
    measured = {name: stats(runs) for name, runs in samples.items()}
    rows = [[name, w.s(), c.s(), f"{rss:.0f} MiB"] for name, (w, c, rss) in measured.items()]
    lines = ["### The Skype deck (15 slides, 4 charts), whole process", "",
             table(["run", "wall", "CPU (user + sys)", "peak RSS"], rows), ""]

    def ratio(a: str, b: str) -> tuple[float, float]:
        return measured[a][0].median / measured[b][0].median, measured[a][1].median / measured[b][1].median

    ratios = {
        "cold, cache warm / floor (image)": ratio("slidegen build, image charts, chart cache warm", "floor, image charts (same PNGs)"),
        "cold, cache empty / floor (image)": ratio("slidegen build, image charts, chart cache empty", "floor, image charts (same PNGs)"),
        "native / floor (native)": ratio("slidegen build, native charts", "floor, native charts"),
        f"cache warm, {shell}": ratio(cases[5][0], cases[6][0]),
    }
    lines += [table(["ratio slidegen / floor", "wall", "CPU"], [[k, f"{w:.2f}×", f"{c:.2f}×"] for k, (w, c) in ratios.items()]), ""]

    log("startup: --help and validate …")
    startup = {
        "slidegen --help": [SLIDEGEN, "--help"],
        "slidegen validate (all content)": [SLIDEGEN, "--root", str(image), "validate"],
    }
    rows = []
    for name, cmd in startup.items():
        w, c, rss = stats(repeat(cmd, env, reps))
        mods = imported(["-m", "slidegen", *cmd[1:]], env, ROOT)
        rows.append([name, w.s(), c.s(), f"{rss:.0f} MiB", ", ".join(mods) or "neither"])
    lines += ["### Start-up", "", table(["command", "wall", "CPU", "peak RSS", "imports pptx / matplotlib"], rows), ""]

    log("both decks: peak memory …")
    both = copy_project(tmp / "both")
    both_cmd = [SLIDEGEN, "--root", str(both), "build", "-q"]
    cold = stats(repeat(both_cmd, env, max(2, reps // 2), lambda: shutil.rmtree(both / "output" / ".cache", ignore_errors=True)))
    warm = stats(repeat(both_cmd, env, max(2, reps // 2)))
    lines += ["### Both decks (27 slides, 8 charts)", "", table(["run", "wall", "CPU", "peak RSS"], [
        ["slidegen build, chart cache empty", cold[0].s(), cold[1].s(), f"{cold[2]:.0f} MiB"],
        ["slidegen build, chart cache warm", warm[0].s(), warm[1].s(), f"{warm[2]:.0f} MiB"],
    ]), ""]

    log("warm in-process rebuilds …")
    rebuild_skype = Stat.of(json.loads(run([PY, str(BENCH / "rebuild.py"), str(image), str(out), str(3 * reps), str(deck_i)], env).out))
    rebuild_both = Stat.of(json.loads(run([PY, str(BENCH / "rebuild.py"), str(both), str(out), str(3 * reps)], env).out))
    lines += ["### Warm in-process rebuild (same process, same Library, charts cached, no PDF)", "", table(["decks", "rebuild"], [
        ["Skype deck", rebuild_skype.ms()], ["both decks", rebuild_both.ms()]]), ""]

    key = ratios["cold, cache warm / floor (image)"]
    results["skype"] = {name: {"wall": w.median, "cpu": c.median, "rss": r} for name, (w, c, r) in measured.items()}
    results["ratios"] = ratios
    results["both_decks_rss"] = max(cold[2], warm[2])
    results["rebuild"] = {"skype": rebuild_skype.median, "both": rebuild_both.median}
    lines += ["### Targets", "", table(["target", "measured", ""], [
        [f"cold build, warm chart cache ≤ {TARGET_RATIO}× floor", f"{key[0]:.2f}× wall, {key[1]:.2f}× CPU",
         "met" if max(key) <= TARGET_RATIO else "missed"],
        [f"peak memory, both decks < {TARGET_MIB} MiB", f"{results['both_decks_rss']:.0f} MiB",
         "met" if results["both_decks_rss"] < TARGET_MIB else "missed"],
        ["--help and validate import neither pptx nor matplotlib", "; ".join(r[4] for r in rows),
         "met" if all(r[4] == "neither" for r in rows) else "missed"],
    ]), ""]
    return lines


def scaling_section(tmp: Path, env: dict[str, str], sizes: list[int], reps: int, results: dict) -> list[str]:
    """Generated decks of growing size: slidegen stage by stage against the floor."""
    rows, per_slide = [], {}
    for n in sizes:
        root = tmp / f"stress-{n}"
        deck = make_project(root, n)
        out = tmp / f"stress-{n}-out"
        log(f"{n} slides: warming the chart cache, dumping the plan …")
        run([SLIDEGEN, "--root", str(root), "build", "-q", "--out-dir", str(out)], env)
        plan = Path(run([PY, str(BENCH / "dump_plan.py"), str(root), str(deck), str(tmp / f"stress-{n}-plan")], env).out.strip())
        k = reps if n < 300 else max(1, min(reps, 3))
        log(f"{n} slides: slidegen ×{k}, floor ×{k} …")
        sg = repeat([PY, str(BENCH / "stages.py"), str(root), str(deck), str(out)], env, k)
        fl = repeat([PY, str(BENCH / "floor.py"), str(plan), str(out / "floor.pptx"), "--stages"], env, k)
        sg_stages = {s: statistics.median(json.loads(x.out)[s] for x in sg) for s in ("import", "load", "plan", "render", "write")}
        fl_stages = {s: statistics.median(json.loads(x.out)[s] for x in fl) for s in ("import", "read", "render", "save")}
        slides = json.loads(sg[0].out)["slides"]
        sw, sc, srss = stats(sg)
        fw, fc, frss = stats(fl)
        per_slide[n] = {"slidegen": {k2: v / slides for k2, v in sg_stages.items()},
                        "floor": {k2: v / slides for k2, v in fl_stages.items()}}
        rows.append([str(slides), sw.s(), fw.s(), f"{sw.median / fw.median:.2f}×", f"{srss:.0f} / {frss:.0f} MiB",
                     " · ".join(f"{sg_stages[s] * 1000:.0f}" for s in ("import", "load", "plan", "render", "write")),
                     " · ".join(f"{fl_stages[s] * 1000:.0f}" for s in ("import", "read", "render", "save"))])
    results["scaling"] = per_slide
    lines = ["### Scaling: generated decks (bullets with notes, method tables, image charts; chart cache warm)", "",
             table(["slides", "slidegen", "floor", "ratio", "peak RSS slidegen / floor",
                    "slidegen ms: import · load · plan · render · write", "floor ms: import · read · render · save"], rows), ""]
    grow = []
    for a, b in zip(sizes, sizes[1:]):
        pa, pb = per_slide[a], per_slide[b]
        cells = [f"{pb['slidegen'][s] / pa['slidegen'][s]:.2f}" for s in ("load", "plan", "render", "write")]
        cells.append(f"{pb['floor']['render'] / pa['floor']['render']:.2f}")
        grow.append([f"{a} → {b}", *cells])
    lines += ["Cost per slide, growth factor (1.00 = linear):", "",
              table(["slides", "slidegen load", "plan", "render", "write", "floor render"], grow), ""]
    return lines


def answers_section(env: dict[str, str], reps: int, results: dict) -> list[str]:
    """Survey answers from a sheet: reading the 21 × 32 sample and counting the shares; a watch rebuild after saving it."""
    log("answers from a sheet: reading and counting, watch rebuilds …")
    data = json.loads(run([PY, str(BENCH / "answers.py"), str(max(20, 5 * reps))], env).out)
    counted = data["read and count"]
    rows = [[name, Stat.of(counted[key]).ms()] for name, key in (
        ("read the .xlsx into a document", "read"), ("check and count the answers, shares in place", "count"),
        ("both", "total"))]
    rows.append(["the first time in a process (slidegen's and the reader's imports too)",
                 f"{counted['first, with imports'] * 1000:.0f} ms"])
    watch = data["watch"]
    rebuilds = [[f"after saving the {name}", Stat.of(w["seconds"]).ms(), ", ".join(w["files read per rebuild"])]
                for name, w in watch.items()]
    total = Stat.of(counted["total"])
    results["answers"] = {"total": total.median, "watch": {k: Stat.of(w["seconds"]).median for k, w in watch.items()}}
    return ["### Answers from a sheet (21 counties × 32 methods)", "",
            table(["step", "time"], rows), "",
            table(["watch rebuild of the Skype deck on the 2016 sample", "time", "files read"], rebuilds), "",
            table(["target", "measured", ""], [
                ["reading a 21 × 32 sheet and computing the shares < 100 ms", total.ms(),
                 "met" if total.median < 0.1 else "missed"],
                ["a watch rebuild after saving the sheet re-reads only that file",
                 ", ".join(watch["sheet"]["files read per rebuild"]),
                 "met" if watch["sheet"]["files read per rebuild"] == ["enkat-2016.xlsx"] else "missed"],
            ]), ""]


IMPORT_TARGET = 3.0
"""Seconds `slidegen import` may take for a 50-slide deck with pictures (issue 20)."""


def import_section(tmp: Path, env: dict[str, str], reps: int, results: dict) -> list[str]:
    """`slidegen import` of a generated 50-slide deck with photos, screenshots, tables and a chart, whole process."""
    from importdeck import make

    deck = make(tmp / "old-deck.pptx", 50)
    project = tmp / "import-project"
    shutil.copytree(ROOT / "themes", project / "themes")
    (project / "content" / "decks").mkdir(parents=True)
    cmd = [SLIDEGEN, "--root", str(project), "import", str(deck), "--name", "gammalt"]

    def clean() -> None:
        (project / "content" / "decks" / "gammalt.yaml").unlink(missing_ok=True)
        shutil.rmtree(project / "content" / "bilder", ignore_errors=True)

    log(f"import of a 50-slide deck ({deck.stat().st_size / 2**20:.1f} MiB) ×{reps} …")
    clean()
    run(cmd, env)  # warm-up: bytecode
    wall, cpu, rss = stats(repeat(cmd, env, reps, clean))
    results["import"] = {"wall": wall.median, "cpu": cpu.median, "rss": rss}
    pictures = len(list((project / "content" / "bilder" / "gammalt").iterdir()))
    return ["### Import: a 50-slide deck with pictures, whole process", "",
            table(["run", "wall", "CPU (user + sys)", "peak RSS"],
                  [[f"slidegen import (50 slides, {pictures} pictures, {deck.stat().st_size / 2**20:.1f} MiB)",
                    wall.s(), cpu.s(), f"{rss:.0f} MiB"]]), "",
            table(["target", "measured", ""], [[f"import of 50 slides with pictures < {IMPORT_TARGET:g} s", wall.s(),
                                               "met" if wall.median < IMPORT_TARGET else "missed"]]), ""]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repetitions and 30/300 slides only")
    parser.add_argument("--reps", type=int, default=7, help="repetitions of each whole-process run (default 7)")
    parser.add_argument("--sizes", default="30,300,1000", help="slide counts of the scaling decks")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--only", choices=["skype", "answers", "scaling", "import"], action="append",
                        help="run only these sections (may be given more than once)")
    args = parser.parse_args(argv)
    reps = 3 if args.quick else args.reps
    sizes = [30, 300] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    tmp = Path(tempfile.mkdtemp(prefix="slidegen-bench-"))
    # Children run as after a normal install: with a bytecode cache (kept in the temp folder).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": str(tmp / "pycache")}
    env.pop("SOURCE_DATE_EPOCH", None)
    results: dict = {}
    try:
        info = machine()
        lines = ["## Machine", "", table(["", ""], [[k, v] for k, v in info.items()]), ""]
        only = set(args.only or ["skype", "answers", "scaling", "import"])
        if "skype" in only:
            lines += skype_section(tmp, env, reps, results)
        if "answers" in only:
            lines += answers_section(env, reps, results)
        if "scaling" in only:
            lines += scaling_section(tmp, env, sizes, reps, results)
        if "import" in only:
            lines += import_section(tmp, env, reps, results)
        lines += [f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", ""]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, **results}, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
