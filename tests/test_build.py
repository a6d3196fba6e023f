"""End to end: the shipped Skype deck, built and reopened with python-pptx, says what the seed says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from deckread import read_deck, title_placeholder_types
from pptx import Presentation
from pptx.oxml.ns import qn
from seed import method_rows, seed_slides

from slidegen.build import build
from slidegen.errors import ContentError
from slidegen.project import Project

SKYPE = "skype-2016-10-28"

SEED_TITLES = [
    "Uppdrag 51 – hur går det?",
    "Dagordning (kl. 13.00–14.15)",
    "Uppdrag 51 RB 2015 (1)",
    "RUS metodutvecklingsinsatser (2)",
    "Tema Nobel, bygga vidare på enkätsvaren (3)",
    "Många goda exempel i redovisningen! (3)",
    "Generella slutsatser från enkäten (3)",
    "Exempel på arbetssätt / metoder på miljöintegrering i det interna arbetet",
    "Exempel på arbetssätt / metoder för åtgärdsprogram och stöd till kommuner och näringsliv",
    "Hur verkar vi miljömålssamordnare för miljömålen i årets verksamhetsplanering på våra länsstyrelser, "
    "vi delar med oss av varandra (4)",
]
"""The title of each seed slide, as the deck shows it (the time range with an en dash)."""

CONTINUED = re.compile(r" \((\d+)/(\d+)\)$")


def _dashes(text: str) -> str:
    return text.replace("–", "-")


def base_title(title: str) -> str:
    """A title without its continuation counter `(2/3)`."""
    return CONTINUED.sub("", title)


def seed_groups(slides):
    """Deck slides grouped by the seed slide they reproduce (continuations together), in order."""
    groups: list[list] = []
    for slide in slides:
        if slide.is_chart_slide:  # chart slides are slidegen's own addition to the seed deck
            continue
        if groups and base_title(groups[-1][0].title) == base_title(slide.title) and CONTINUED.search(slide.title):
            groups[-1].append(slide)
        else:
            groups.append([slide])
    return groups


@pytest.fixture(scope="module")
def skype(shipped):
    return read_deck(shipped[SKYPE])


def test_expected_titles_are_the_seeds_own():
    seed = seed_slides()
    for k, title in enumerate(SEED_TITLES, start=1):
        assert _dashes(title) in _dashes(seed[k]), (k, title)


def test_deck_has_one_group_of_slides_per_seed_slide_with_its_title(skype):
    groups = seed_groups(skype)
    assert [base_title(g[0].title) for g in groups] == SEED_TITLES
    for g in groups:
        if len(g) > 1:
            assert [CONTINUED.search(s.title).groups() for s in g] == [(str(i), str(len(g))) for i in range(1, len(g) + 1)]


def _words(text: str) -> set[str]:
    text = text.lower().replace("genom-fört", "genomfört").replace("\u00a0", " ")
    text = re.sub(r"(\d)\s*%", r"\1", text)
    return {w for w in re.split(r"[\s\-–/(),.:!?”\"]+", text) if w}


def test_every_word_of_the_seed_is_on_its_slide(skype):
    seed = seed_slides()
    groups = seed_groups(skype)
    for k, group in enumerate(groups, start=1):
        expected = seed[k]
        if k == 2:  # the original repeats the deck title above the agenda; the deck shows it on slide 1
            expected = expected.replace("Uppdrag 51 – hur går det?", "")
        shown = _words("\n".join(s.all_text() for s in group))
        missing = _words(expected) - shown
        assert not missing, (k, sorted(missing))


def test_agenda_lists_the_five_items_in_order(skype):
    agenda = skype[1]
    assert agenda.title == "Dagordning (kl. 13.00–14.15)"
    assert len(agenda.paragraphs) == 5
    seed = seed_slides()[2]
    positions = [seed.index(p) for p in agenda.paragraphs]
    assert positions == sorted(positions)
    assert [p.split(" ", 1)[0] for p in agenda.paragraphs] == ["1.", "2.", "3.", "4.", "5."]
    assert agenda.paragraphs[4] == "5. Övriga frågor"


def _table_rows(slides) -> dict[int, list[str]]:
    rows = {}
    for slide in slides:
        for table in slide.tables:
            for row in table[1:]:
                number = int(row[0].split(".", 1)[0])
                assert number not in rows, f"method {number} appears twice"
                rows[number] = row
    return rows


def test_tables_hold_every_method_text_and_every_seed_percentage(skype):
    rows = _table_rows(skype)
    assert sorted(rows) == list(range(1, 33))
    for n, (text, numbers) in method_rows().items():
        row = rows[n]
        assert " ".join(row[0].split(".", 1)[1].split()) == text, n
        expected = [f"{v}\u00a0%" for v in numbers] + ["–"] * (3 - len(numbers))
        assert row[1:] == expected, (n, row[1:])


def test_missing_numbers_are_dashes_never_zero(skype):
    rows = _table_rows(skype)
    zero = [n for n, row in rows.items() if "0\u00a0%" in row[1:]]
    assert zero == [3]  # the only 0 % the seed gives: method 3, Ej aktuellt
    assert rows[7][1:] == ["–", "–", "–"]


def test_table_header_is_flagged_and_repeated_on_every_page(shipped):
    prs = Presentation(str(shipped[SKYPE]))
    tables = [s for slide in prs.slides for s in slide.shapes if s.has_table]
    assert len(tables) >= 2
    for shape in tables:
        tbl = shape.table._tbl
        assert tbl.tblPr.get("firstRow") == "1"
        header = [c.text for c in shape.table.rows[0].cells]
        assert header[0] == "Arbetssätt / metod"
        assert header[1] == "Genomfört"
        assert header[2].startswith("På gång") and "delvis genomfört el. planeras" in header[2]
        assert header[3] == "Ej aktuellt"
        alt = shape._element.find(".//" + qn("p:cNvPr")).get("descr")
        assert alt and alt.startswith("Tabell: metod")


def test_every_slide_has_a_title_placeholder_first(shipped):
    prs = Presentation(str(shipped[SKYPE]))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    for slide in prs.slides:
        first = list(slide.shapes)[0]
        assert first.is_placeholder and first.placeholder_format.type in title_placeholder_types()
        assert first.text_frame.text.strip()


def test_no_unfilled_placeholders(shipped):
    prs = Presentation(str(shipped[SKYPE]))
    for slide in prs.slides:
        for ph in slide.placeholders:
            assert ph.text_frame.text.strip(), (slide.slide_id, ph.name)


def test_all_text_is_swedish_and_sized_explicitly(shipped):
    prs = Presentation(str(shipped[SKYPE]))
    for slide in prs.slides:
        for rpr in slide._element.iter(qn("a:rPr")):
            assert rpr.get("lang") == "sv-SE"
            assert int(rpr.get("sz")) >= 1200


def test_failed_build_leaves_output_untouched(project: Project, tmp_path: Path):
    out = tmp_path / "out"
    decks = [project.content / "decks" / f"{SKYPE}.yaml"]
    build(project, decks, out_dir=out)
    target = out / f"{SKYPE}.pptx"
    before = target.read_bytes()
    survey = project.content / "survey-2015.yaml"
    survey.write_text(survey.read_text(encoding="utf-8").replace("done: 48,", "done: 148,"), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build(project, decks, out_dir=out)
    assert "148 is more than 100 %" in str(err.value)
    assert target.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [f"{SKYPE}.pptx"]


def test_corrected_number_reaches_the_table(project: Project, tmp_path: Path):
    survey = project.content / "survey-2015.yaml"
    survey.write_text(survey.read_text(encoding="utf-8").replace("{done: 72}", "{done: 75}"), encoding="utf-8")
    built = {b.name: b.path for b in build(project, out_dir=tmp_path / "out")}
    rows = _table_rows(read_deck(built[SKYPE]))
    assert rows[26][1] == "75\u00a0%"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under a folder (following no links): its bytes and modification time."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and ".cache" not in p.parts
    }


def test_failed_build_of_one_deck_leaves_every_output_file_as_it_was(project: Project):
    deck = project.content / "decks" / f"{SKYPE}.yaml"
    second = project.content / "decks" / "z-second.yaml"
    second.write_text(deck.read_text(encoding="utf-8"), encoding="utf-8")
    build(project, [deck, second])
    (project.output / "notes.txt").write_text("kept by the user\n", encoding="utf-8")
    (project.output / "charts").mkdir()
    (project.output / "charts" / "old.png").write_bytes(b"\x89PNG old")
    before = snapshot(project.output)
    assert sorted(before) == ["charts/old.png", "notes.txt", f"{SKYPE}.pptx", "z-second.pptx"]

    # the first deck changes and would build; the second has an error: neither is written
    deck.write_text(deck.read_text(encoding="utf-8").replace("Övriga frågor", "Övrigt"), encoding="utf-8")
    second.write_text(second.read_text(encoding="utf-8").replace("kind: agenda\n", "kind: agendaa\n"), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build(project, [deck, second])
    assert [p.message for p in err.value.sorted()] == ["unknown kind `agendaa` — did you mean `agenda`?"]
    assert snapshot(project.output) == before


def test_a_successful_build_replaces_each_deck_by_renaming_a_whole_new_file(project: Project):
    deck = project.content / "decks" / f"{SKYPE}.yaml"
    build(project, [deck])
    target = project.output / f"{SKYPE}.pptx"
    old_bytes, old_inode = target.read_bytes(), target.stat().st_ino
    deck.write_text(deck.read_text(encoding="utf-8").replace("Övriga frågor", "Övrigt"), encoding="utf-8")
    with target.open("rb") as reader:  # e.g. PowerPoint showing the old deck while the build runs
        build(project, [deck])
        assert reader.read() == old_bytes  # the old file was never written into
    assert target.stat().st_ino != old_inode
    assert target.read_bytes() != old_bytes and "5. Övrigt" in read_deck(target)[1].paragraphs
    assert sorted(p.name for p in project.output.iterdir()) == [".cache", f"{SKYPE}.pptx"]


def test_a_deck_open_in_powerpoint_is_named_and_the_other_decks_are_still_written(project: Project, monkeypatch):
    """Windows refuses to replace a file PowerPoint has open: say which to close, keep going with the rest."""
    import os

    import slidegen.output.files as files
    from slidegen.errors import ToolError

    build(project)
    locked = project.output / "skype-2016-10-28.pptx"
    other = project.output / "nobel-2016.pptx"
    before_locked, before_other = locked.read_bytes(), other.stat().st_mtime_ns
    (project.content / "decks" / "nobel-2016.yaml").write_text(
        (project.content / "decks" / "nobel-2016.yaml").read_text(encoding="utf-8").replace(
            "title: Uppdrag 51 – goda exempel från länen", "title: Uppdrag 51 – goda exempel från alla län"),
        encoding="utf-8")
    (project.content / "decks" / "skype-2016-10-28.yaml").write_text(
        (project.content / "decks" / "skype-2016-10-28.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    real_replace = os.replace

    def replace(src, dst):
        if Path(dst) == locked:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real_replace(src, dst)

    monkeypatch.setattr(files, "LOCKING", True)
    monkeypatch.setattr(files.os, "replace", replace)
    with pytest.raises(ToolError) as exc:
        build(project)
    assert str(exc.value) == ("close output/skype-2016-10-28.pptx in PowerPoint (or the program that has it open) "
                              "and build again (the other decks were written)")
    assert locked.read_bytes() == before_locked
    assert other.stat().st_mtime_ns != before_other
    assert "alla län" in " ".join(Presentation(str(other)).core_properties.title.split())
    assert not [p for p in project.output.iterdir() if p.name.endswith(".tmp")]
