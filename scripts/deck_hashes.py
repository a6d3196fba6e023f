#!/usr/bin/env python3
"""Print the SHA-256 of every shipped deck in every shipped theme with both chart renderers.

Run it before and after a change that must not change the output (a restructuring):
the two lists must be equal. It builds from a copy of the project, so nothing in the work
tree is touched.

    python scripts/deck_hashes.py > before.txt
    … change …
    python scripts/deck_hashes.py | diff before.txt -
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="slidegen-hashes-") as tmp:
        work = Path(tmp) / "project"
        for folder in ("content", "themes"):
            shutil.copytree(ROOT / folder, work / folder)
        decks = sorted((work / "content" / "decks").glob("*.yaml"))
        themes = sorted(p.parent.name for p in (work / "themes").glob("*/theme.yaml"))
        originals = {d: d.read_text(encoding="utf-8") for d in decks}
        for renderer in ("image", "native"):
            for deck, text in originals.items():
                # the deck-wide renderer, set the way a coordinator would write it
                if re.search(r"^charts:", text, flags=re.M):
                    text = re.sub(r"^charts:.*$", f"charts: {renderer}", text, flags=re.M)
                else:
                    text = re.sub(r"^(meeting:)", f"charts: {renderer}\n\\1", text, count=1, flags=re.M)
                deck.write_text(text, encoding="utf-8")
            for theme in themes:
                out = Path(tmp) / f"out-{renderer}-{theme}"
                subprocess.run([sys.executable, "-m", "slidegen", "build", "-q", "--theme", theme,
                                "--out-dir", str(out)], cwd=work, check=True, stdout=subprocess.DEVNULL)
                for pptx in sorted(out.glob("*.pptx")):
                    digest = hashlib.sha256(pptx.read_bytes()).hexdigest()
                    print(f"{digest}  {renderer:6} {theme:10} {pptx.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
