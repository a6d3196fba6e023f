"""The CI workflow: its triggers, the README's commands only, the artifacts, one job per shipped theme, GitHub Pages."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml
from conftest import ROOT

from slidegen.project import Project

WORKFLOW = ROOT / ".github" / "workflows" / "decks.yml"
CI_RUN = ROOT / ".ci" / "run"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def readme_commands() -> list[str]:
    """The commands of the README's first code block (comments dropped)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^```[^\n]*\n(.*?)^```", text, re.S | re.M)
    assert block, "the README has no code block"
    lines = (line.split("#", 1)[0].strip() for line in block.group(1).splitlines())
    return [line for line in lines if line]


def run_lines(job: dict) -> list[str]:
    """Every command line the job's `run:` steps execute, in order (`python` as Windows names it read as `python3`)."""
    lines = [line.strip() for step in job["steps"] for line in step.get("run", "").splitlines() if line.strip()]
    return ["python3 " + line[len("python "):] if line.startswith("python ") else line for line in lines]


def is_install(line: str) -> bool:
    words = [w for w in shlex.split(line) if "=" not in w]
    return words[:1] == ["apt-get"] and words[1:2] in (["update"], ["install"])


def readme_command(line: str, commands: list[str]) -> str | None:
    """The README command a line runs (options after it allowed), or None."""
    return next((c for c in commands if line == c or line.startswith(c + " --")), None)


def packages(line: str) -> set[str]:
    """The packages an `apt-get install` line names."""
    words = shlex.split(line)
    return {w for w in words[words.index("install") + 1:] if not w.startswith("-") and w != ">/dev/null"}


def test_every_job_and_step_is_well_formed(workflow):
    assert set(workflow["jobs"]) == {"decks", "themes", "systems", "pages"}
    for name, job in workflow["jobs"].items():
        assert job["runs-on"] == ("${{ matrix.os }}" if name == "systems" else "ubuntu-latest") and job["steps"]
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            assert set(step) <= {"name", "uses", "run", "with", "if", "id"}, step
        if run_lines(job):  # a job that runs commands works on a checkout
            assert job["steps"][0]["uses"].startswith("actions/checkout@")


def test_runs_on_every_push_and_pull_request(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "pull_request"}


def test_jobs_run_the_readme_commands_and_nothing_else(workflow):
    commands = readme_commands()
    assert commands == ["python3 tasks.py decks", "python3 tasks.py site", "python3 tasks.py test"]
    used = set()
    for job in workflow["jobs"].values():
        for line in run_lines(job):
            command = readme_command(line, commands)
            assert command or is_install(line), f"not a README command: {line}"
            used.add(command)
    assert used - {None} == set(commands)
    steps = [line for line in run_lines(workflow["jobs"]["decks"]) if not is_install(line)]
    assert steps == ["python3 tasks.py test", "python3 tasks.py decks --pdf", "python3 tasks.py site"]


def test_decks_pdfs_and_the_site_are_uploaded(workflow):
    uploads = {s["with"]["name"]: s["with"] for s in workflow["jobs"]["decks"]["steps"]
               if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert set(uploads) == {"decks", "site"}
    assert uploads["decks"]["path"].split() == ["output/*.pptx", "output/*.pdf"]
    assert uploads["site"]["path"] == "output/site"
    assert all(u["if-no-files-found"] == "error" for u in uploads.values())


MAIN_PUSH = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def test_the_site_is_published_on_github_pages_from_the_main_branch_only(workflow):
    handed = [s for s in workflow["jobs"]["decks"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(handed) == 1 and handed[0]["with"]["path"] == "output/site" and handed[0]["if"] == MAIN_PUSH
    pages = workflow["jobs"]["pages"]
    assert pages["needs"] == "decks" and pages["if"] == MAIN_PUSH
    assert pages["permissions"] == {"pages": "write", "id-token": "write"}
    assert pages["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in pages["steps"]] == ["actions/deploy-pages"]


def test_one_job_per_shipped_theme(workflow):
    job = workflow["jobs"]["themes"]
    themes = job["strategy"]["matrix"]["theme"]
    assert themes == Project.at(ROOT).theme_names()
    assert run_lines(job)[-1] == "python3 tasks.py decks --theme ${{ matrix.theme }}"


def test_ci_run_is_the_local_equivalent(workflow):
    """.ci/run runs the decks job's commands and installs the same packages."""
    script = CI_RUN.read_text(encoding="utf-8")
    job = workflow["jobs"]["decks"]
    assert [ln for ln in script.splitlines() if ln.startswith("python3 ")] == [
        ln for ln in run_lines(job) if not is_install(ln)]
    local = script.replace("\\\n", " ")
    ours = set().union(*(packages(ln) for ln in local.splitlines() if "apt-get install" in ln))
    theirs = set().union(*(packages(ln) for ln in run_lines(job) if "apt-get install" in ln))
    assert ours == theirs >= {"libreoffice-impress", "fonts-crosextra-carlito", "default-jre-headless", "npm"}


def test_the_tests_also_run_on_windows_and_macos(workflow):
    job = workflow["jobs"]["systems"]
    assert job["strategy"]["matrix"]["os"] == ["windows-latest", "macos-latest"]
    setup = [s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup and setup[0]["with"]["python-version"] == "3.11"
    assert run_lines(job) == ["python3 tasks.py test"]
