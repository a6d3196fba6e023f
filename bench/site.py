"""The web site's benchmark: the shipped content plus 42 generated examples with phone-sized photos.

    .venv/bin/python bench/site.py [--reps N] [--photos 4032x3024] [--json FILE]

Times `slidegen site --no-pdf -q` as a fresh process: with every cache empty, with warm caches and
nothing changed (then nothing is written), and with warm caches after one example's text changed;
and the same warm rebuilds in one process (as `slidegen serve` does them). Prints a markdown table.
Nothing here is part of the test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from measure import repeat, run, stats  # noqa: E402

SLIDEGEN = str(Path(sys.executable).parent / "slidegen")


def photo(width: int, height: int, seed: int) -> bytes:
    """A phone-like JPEG: noisy gradient (many colours, 4–6 MB at 12 megapixels), EXIF with orientation 6 and GPS."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    base = np.stack([60 + 120 * x / width, 70 + 100 * y / height, 160 - 80 * x / width], axis=-1)
    pixels = (base + rng.normal(0, 9, base.shape).astype(np.float32)).clip(0, 255).astype(np.uint8)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Telefonbolaget"
    exif[0x8825] = {1: "N", 2: (59.0, 19.0, 42.0), 3: "E", 4: (18.0, 4.0, 7.0)}
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, format="JPEG", quality=92, exif=exif.tobytes())
    return buf.getvalue()


def make_project(dest: Path, size: tuple[int, int]) -> Path:
    """The shipped content and themes, with two ready examples per county (42), each with its own photo."""
    from slidegen.models.county import COUNTIES

    for name in ("content", "themes"):
        shutil.copytree(ROOT / name, dest / name)
    examples = dest / "content" / "examples"
    for old in examples.glob("[!_]*.yaml"):
        old.unlink()
    (dest / "content" / "bilder" / "foton").mkdir(parents=True)
    for i, county in enumerate(COUNTIES):
        for k in (1, 2):
            n = 2 * i + k
            (dest / "content" / "bilder" / "foton" / f"{county.slug}-{k}.jpg").write_bytes(photo(*size, seed=n))
            (examples / f"{county.slug}-{k}.yaml").write_text(
                f"county: {county.name}\n"
                f"title: \"Arbetssätt {k} i {county.county}\"\n"
                "description:\n"
                "  - Ett råd med kommuner, regionen och näringslivet träffas två gånger per år.\n"
                "  - Varje medlem väljer åtgärder ur åtgärdsprogrammet och rapporterar hur det går.\n"
                f"methods: [{1 + n % 32}, {1 + (n + 7) % 32}]\n"
                f"contact: {{name: Namn Namnsson, email: namn{n}@example.org}}\n"
                f"picture: bilder/foton/{county.slug}-{k}.jpg\n"
                f"picture_alt: \"Foto från {county.county}: deltagarna vid ett möte.\"\n"
                "status: klar\n",
                encoding="utf-8")
    return dest


def files_written(folder: Path, since_ns: int) -> int:
    """How many files under the site folder were written after `since_ns` (modification time)."""
    return sum(1 for p in folder.rglob("*") if p.is_file() and p.stat().st_mtime_ns > since_ns)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--photos", default="4032x3024")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    size = tuple(int(v) for v in args.photos.split("x"))
    work = Path(tempfile.mkdtemp(prefix="slidegen-bench-site-"))
    try:
        print(f"generating 42 photos of {size[0]} × {size[1]} …", file=sys.stderr, flush=True)
        project = make_project(work / "project", size)  # type: ignore[arg-type]
        photos = sorted((project / "content" / "bilder" / "foton").glob("*.jpg"))
        mib = sum(p.stat().st_size for p in photos) / 2**20
        cmd = [SLIDEGEN, "--root", str(project), "site", "--no-pdf", "-q"]
        site = project / "output" / "site"

        def cold() -> None:
            shutil.rmtree(project / "output", ignore_errors=True)

        print("cold builds …", file=sys.stderr, flush=True)
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}
        env.pop("PYTHONDONTWRITEBYTECODE")
        cold_runs = repeat(cmd, env, max(1, args.reps // 3), before=cold)
        run(cmd, env)
        print("warm, unchanged …", file=sys.stderr, flush=True)
        since = time.time_ns()
        warm_runs = repeat(cmd, env, args.reps)
        unchanged_written = files_written(site, since)
        example = project / "content" / "examples" / "skane-1.yaml"
        text = example.read_text(encoding="utf-8")
        flip = [0]

        def change() -> None:
            flip[0] += 1
            example.write_text(text.replace("två gånger per år", f"{flip[0] + 2} gånger per år"), encoding="utf-8")

        print("warm, one example's text changed …", file=sys.stderr, flush=True)
        changed_runs = repeat(cmd, env, args.reps, before=change)
        since = time.time_ns()
        change()
        run(cmd, env)
        changed_written = files_written(site, since)

        from slidegen.check.library import Library
        from slidegen.commands.site import build_site
        from slidegen.project import Project

        proj = Project.at(project)
        library = Library(proj)
        build_site(proj, pdf=False, library=library)
        inproc_same, inproc_changed = [], []
        for _ in range(args.reps):
            t0 = time.perf_counter()
            build_site(proj, pdf=False, library=library)
            inproc_same.append(time.perf_counter() - t0)
            change()
            t0 = time.perf_counter()
            build_site(proj, pdf=False, library=library)
            inproc_changed.append(time.perf_counter() - t0)
        pages = sum(1 for _ in site.rglob("*.html"))
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20
        pictures = sorted((site / "bilder").glob("*"))
        rows = [
            ("fresh process, every cache empty (pictures made, charts drawn)", stats(cold_runs)),
            ("fresh process, caches warm, nothing changed", stats(warm_runs)),
            ("fresh process, caches warm, one example's text changed", stats(changed_runs)),
        ]
        print(f"\n42 examples with photos of {size[0]} × {size[1]} ({mib:.0f} MiB of JPEG); the site: {pages} pages, "
              f"{total:.1f} MiB, pictures at most {max(p.stat().st_size for p in pictures) / 1000:.0f} kB\n")
        print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
        print("| run | wall | CPU (user + sys) |")
        print("|---|---|---|")
        for label, (wall, cpu, _) in rows:
            print(f"| {label} | {wall.s()} | {cpu.s()} |")
        print(f"| in one process (as `serve`), nothing changed | {statistics.median(inproc_same):.2f} s | |")
        print(f"| in one process (as `serve`), one example's text changed | {statistics.median(inproc_changed):.2f} s | |")
        print(f"\nfiles written by an unchanged rebuild: {unchanged_written}; after one example's text changed: "
              f"{changed_written} (the whole folder is swapped in; unchanged files are linked from the old one)")
        if args.json:
            args.json.write_text(json.dumps({label: [w.median, c.median, r] for label, (w, c, r) in rows}), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
