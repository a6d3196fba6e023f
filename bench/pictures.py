"""The picture benchmark: the Nobel deck with 42 good examples, each with a 12-megapixel phone photo.

    .venv/bin/python bench/pictures.py [--reps N] [--json FILE]

Makes a project (the shipped content and themes, the shipped examples replaced by two per county,
each with its own generated 4032 × 3024 JPEG of 4–6 MB carrying EXIF with GPS and, for every third,
orientation 6 as a portrait photo has), then times whole-process builds of the Nobel deck: cold
(output/.cache/ empty), warm after a text change, and warm unchanged; with peak memory and the
size of the .pptx. Progress goes to stderr, the table (markdown) to stdout. Nothing here is part of
the test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Sample, run, stats  # noqa: E402
from run import PY, ROOT, SLIDEGEN, log, table  # noqa: E402

from slidegen.models.county import COUNTIES  # noqa: E402

NOBEL = "nobel-2016"
SIZE = (4032, 3024)
COLD, WARM, PPTX_MB, PEAK_MIB = 15.0, 1.5, 25.0, 300.0
"""The targets: seconds cold, seconds warm after a text change, the .pptx in MB, peak memory in MiB."""


def photo(seed: int, portrait: bool) -> bytes:
    """A 12-megapixel JPEG as a phone writes it (quality 92, EXIF with camera, date and GPS; a portrait
    photo stored sideways with orientation 6): smooth colour fields, edges and sensor noise."""
    rng = np.random.default_rng(seed)
    w, h = SIZE
    small = rng.integers(0, 256, (12, 16, 3), dtype=np.uint8)  # a few colour fields, blurred up to full size
    base = np.asarray(Image.fromarray(small).resize((w, h), Image.Resampling.BICUBIC), dtype=np.int16)
    y, x = np.ogrid[0:h, 0:w]
    stripes = (((x // (40 + seed % 30)) + (y // (55 + seed % 20))) % 2 * 24).astype(np.int16)
    noise = rng.integers(-14, 15, (h, w, 1), dtype=np.int16)
    pixels = (base + stripes[..., None] + noise).clip(0, 255).astype(np.uint8)
    image = Image.fromarray(pixels)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0132] = "Telefonbolaget", "Ficktelefon 12", "2016:05:14 10:31:02"
    exif[0x8825] = {1: "N", 2: (59.0, 19.0, 42.0 + seed), 3: "E", 4: (18.0, 4.0, 7.0)}
    if portrait:
        image = image.transpose(Image.Transpose.ROTATE_90)  # stored sideways, upright with orientation 6
        exif[0x0112] = 6
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=92, exif=exif.tobytes())
    return buf.getvalue()


def make_project(dest: Path, count: int = 42) -> tuple[Path, list[int]]:
    """The shipped project with `count` examples (two per county), each with its own photo; the deck file and
    the photos' sizes in bytes."""
    shutil.copytree(ROOT / "content", dest / "content", ignore=shutil.ignore_patterns("[!_]*-[0-9].yaml"))
    shutil.copytree(ROOT / "themes", dest / "themes")
    pictures = dest / "content" / "bilder"
    sizes = []
    for i in range(count):
        county = COUNTIES[i // 2 % len(COUNTIES)]
        number = i % 2 + 1
        slug = f"{county.code.lower()}-{number}"
        data = photo(i, portrait=i % 3 == 2)
        sizes.append(len(data))
        (pictures / f"{slug}.jpg").write_bytes(data)
        (dest / "content" / "examples" / f"{slug}.yaml").write_text(
            f"county: {county.name}\n"
            f"title: \"Exempel {number} från {county.name}\"\n"
            "description:\n  - Ett foto direkt från mobilen, 12 megapixel.\n  - Det andra stycket.\n"
            "methods: [23, 22]\n"
            f"picture: bilder/{slug}.jpg\n"
            f"picture_alt: \"Foto {number} från {county.name}.\"\n"
            "status: klar\n",
            encoding="utf-8",
        )
        log(f"  photo {i + 1}/{count}: {len(data) / 2**20:.1f} MiB")
    return dest / "content" / "decks" / f"{NOBEL}.yaml", sizes


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="repetitions of each run (default 5)")
    parser.add_argument("--count", type=int, default=42, help="examples with a photo (default 42)")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--make", type=Path, help=argparse.SUPPRESS)  # only make the project there
    args = parser.parse_args(argv)
    if args.make:
        deck, sizes = make_project(args.make, args.count)
        print(f"{deck}\n{json.dumps(sizes)}")
        return 0
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # children keep a bytecode cache, as after a normal install
    with tempfile.TemporaryDirectory(prefix="slidegen-bench-pictures-") as tmp:
        log(f"making {args.count} photos of {SIZE[0]} × {SIZE[1]} pixels …")
        # in a child: a measured child started from a process that once held a lot of memory would report
        # that process's peak as its own (Linux keeps the high-water mark over the fork before the exec)
        made = subprocess.run([PY, __file__, "--make", str(Path(tmp) / "project"), "--count", str(args.count)],
                              check=True, capture_output=True, text=True)
        deck, sizes = Path(made.stdout.splitlines()[0]), json.loads(made.stdout.splitlines()[1])
        project = deck.parents[2]
        out = Path(tmp) / "out"
        cache = project / "output" / ".cache"
        cmd = [SLIDEGEN, "--root", str(project), "build", "-q", str(deck), "--out-dir", str(out)]
        original = deck.read_text(encoding="utf-8")
        edits = iter(range(10**6))

        def drop_cache() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        def change_text() -> None:
            deck.write_text(original.replace("Enkäten om arbetssätt", f"Enkäten om arbetssätt ({next(edits)})"),
                            encoding="utf-8")

        load_start = " ".join(f"{x:.1f}" for x in os.getloadavg())
        log("warming up (bytecode, matplotlib's font list) …")
        run(cmd, env)
        cases = [("cold: output/.cache/ empty", drop_cache), ("warm, after a text change", change_text),
                 ("warm, unchanged", None)]
        samples: dict[str, list[Sample]] = {name: [] for name, _ in cases}
        log(f"{len(cases)} kinds of run, in turn, ×{args.reps} …")
        for _ in range(args.reps):
            for name, before in cases:
                if before:
                    before()
                samples[name].append(run(cmd, env))
        pptx = out / f"{NOBEL}.pptx"
        pptx_mib = pptx.stat().st_size / 2**20
        cached = sorted((cache / "pictures").iterdir())
        measured = {name: stats(runs) for name, runs in samples.items()}
        load_end = " ".join(f"{x:.1f}" for x in os.getloadavg())
    rows = [[name, w.s(), c.s(), f"{rss:.0f} MiB"] for name, (w, c, rss) in measured.items()]
    source_mib = sum(sizes) / 2**20
    (cold_w, cold_c, _), (warm_w, warm_c, _), _ = measured.values()
    peak = max(rss for _, _, rss in measured.values())
    pptx_mb = pptx_mib * 2**20 / 1e6

    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    targets = [
        [f"cold build < {COLD:g} s", f"{cold_w.median:.1f} s wall, {cold_c.median:.1f} s CPU",
         met(cold_w.median < COLD)],
        [f"rebuild after a text change < {WARM:g} s", f"{warm_w.median:.2f} s wall, {warm_c.median:.2f} s CPU",
         met(warm_w.median < WARM)],
        [f".pptx < {PPTX_MB:g} MB", f"{pptx_mb:.1f} MB", met(pptx_mb < PPTX_MB)],
        [f"peak memory < {PEAK_MIB:g} MiB", f"{peak:.0f} MiB", met(peak < PEAK_MIB)],
    ]
    lines = [
        f"### The Nobel deck with {args.count} photos of {SIZE[0]} × {SIZE[1]} pixels, whole process",
        "",
        f"Photos: {args.count} JPEGs, {min(sizes) / 2**20:.1f}–{max(sizes) / 2**20:.1f} MiB each, "
        f"{source_mib:.0f} MiB together; the deck: {pptx_mb:.1f} MB ({len(cached) - 1} pictures in the cache). "
        f"{os.cpu_count()} cores; load average {load_start} at the start, {load_end} at the end; "
        f"{args.reps} runs of each kind, in turn.",
        "",
        table(["run", "wall", "CPU (user + sys)", "peak RSS"], rows),
        "",
        table(["target", "measured (median)", ""], targets),
        "",
    ]
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({
            "runs": {name: [s.__dict__ | {"out": ""} for s in runs] for name, runs in samples.items()},
            "pptx_bytes": int(pptx_mib * 2**20), "photo_bytes": sizes,
        }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
