"""Content for the site tests: shipped examples made ready, and an example whose texts try to become markup."""

from __future__ import annotations

import json

from slidegen.project import Project

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_LINE = '"><img src=x onerror=alert(2)>'


def make_ready(project: Project, *names: str) -> None:
    """Set the shipped examples `names` (file stems) to `status: klar`."""
    for name in names:
        path = project.content / "examples" / f"{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("status: utkast", "status: klar"), encoding="utf-8")


def add_hostile(project: Project) -> None:
    """A ready example from Gotland whose title, text and contact try to become markup."""
    (project.content / "examples" / "gotland-1.yaml").write_text(
        "county: Gotland\n"
        f"title: {json.dumps(HOSTILE_TITLE)}\n"
        f"description: [{json.dumps(HOSTILE_LINE)}, \"Ett & två < tre\"]\n"
        "methods: [5]\n"
        f"contact: {{name: {json.dumps('</a><a href=javascript:alert(3)>x')}, email: a.b@example.org}}\n"
        "status: klar\n",
        encoding="utf-8",
    )
