#!/usr/bin/env python3
"""Build both shipped decks on every real template in ../shared/real-templates/ and check the rendered slides.

For each template a theme is made as a coordinator would (tests/realtemplates.py), `check-theme`
is run, both decks are built, converted through LibreOffice, and the slides are checked: words
inside their shapes (tests/overflow.py), openxml-audit, contrast of every text against the
pixels behind it, titles inside the layout's title area, slidegen's own boxes clear of the
template's decoration (tests/templatecheck.py). Slide pictures go to OUT/<template>/png/.

    python scripts/real_templates.py OUT [NAME …]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from click.testing import CliRunner  # noqa: E402
from openxml_audit import FileFormat, OpenXmlValidator  # noqa: E402
from overflow import overflow  # noqa: E402
from pptx import Presentation  # noqa: E402
from realtemplates import make_theme, real_templates  # noqa: E402

from slidegen.build import build  # noqa: E402
from slidegen.cli import main as cli  # noqa: E402
from slidegen.errors import ContentError  # noqa: E402
from slidegen.output.libreoffice import Deck, to_pdf  # noqa: E402
from slidegen.project import Project  # noqa: E402


def run(out: Path, names: list[str]) -> int:
    out.mkdir(parents=True, exist_ok=True)
    chosen = [t for t in real_templates() if not names or t.name in names]
    built: dict[str, list[Path]] = {}
    summary: list[str] = []
    for template in chosen:
        work = out / template.name
        shutil.rmtree(work, ignore_errors=True)
        for folder in ("content", "themes"):
            shutil.copytree(ROOT / folder, work / "project" / folder)
        project = Project.at(work / "project")
        make_theme(project.themes, template)
        result = CliRunner().invoke(cli, ["--root", str(project.root), "check-theme", template.name])
        (work / "check-theme.txt").write_text(result.output, encoding="utf-8")
        try:
            decks = build(project, theme=template.name, out_dir=work / "decks")
        except ContentError as exc:
            (work / "build.txt").write_text(str(exc), encoding="utf-8")
            summary.append(f"{template.name}: check-theme exit {result.exit_code}; NOT BUILT: "
                           f"{str(exc).splitlines()[0] if str(exc) else ''}")
            continue
        except Exception:  # noqa: BLE001 - a report of every template, whatever breaks
            (work / "build.txt").write_text(traceback.format_exc(), encoding="utf-8")
            summary.append(f"{template.name}: CRASHED (see build.txt)")
            continue
        renamed = []
        for d in decks:  # one LibreOffice run converts every deck: their names must differ
            target = d.path.with_name(f"{template.name}--{d.path.name}")
            d.path.replace(target)
            renamed.append(target)
        built[template.name] = renamed
        summary.append(f"{template.name}: check-theme exit {result.exit_code}; built {len(decks)} decks")
    from templatecheck import check_rendered

    from templatecheck import blank_copy

    paths = [p for ps in built.values() for p in ps]
    blanks = {p: blank_copy(p, p.with_name(p.stem + "--blank.pptx")) for p in paths}
    decks = [Deck(p, len(Presentation(str(p)).slides)) for p in [*paths, *blanks.values()]]
    pdfs = to_pdf(decks) if paths else {}
    validator = OpenXmlValidator(file_format=FileFormat.OFFICE_2016)
    for name, decks_built in built.items():
        lines = []
        for pptx in decks_built:
            pdf = pdfs[pptx]
            pptx.with_suffix(".pdf").write_bytes(pdf)
            png = out / name / "png" / pptx.stem.split("--")[1]
            png.mkdir(parents=True, exist_ok=True)
            subprocess.run(["pdftoppm", "-png", "-r", "50", str(pptx.with_suffix(".pdf")), str(png / "s")], check=True)
            audit = validator.validate(pptx)
            problems = [f"overflow: {p}" for p in overflow(pptx, pdf)]
            problems += [f"openxml: {e}" for e in audit.errors]
            problems += check_rendered(pptx, pdf, pdfs[blanks[pptx]])
            lines.append(f"{pptx.name}: {len(problems)} problems")
            lines.extend(f"  {p}" for p in problems)
        (out / name / "render.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        count = sum(1 for ln in lines if ln.startswith("  "))
        summary.append(f"{name}: rendered, {count} problems")
    (out / "summary.txt").write_text("\n".join(summary) + "\n", encoding="utf-8")
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]), sys.argv[2:]))
