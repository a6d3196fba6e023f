"""The picture cache: a picture is made once per source bytes and target size, and found again by them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from photos import jpeg_photo, png_picture

import slidegen.render.pictures as pipeline
from slidegen.errors import Location
from slidegen.output.pictures import PictureCache
from slidegen.plan.model import DeckPlan, PictureBox, Properties, SlidePlan, TextBox
from slidegen.units import Rect, cm


@pytest.fixture
def made(monkeypatch) -> list[Path]:
    """The files the pipeline makes a picture from, in order (the cache's misses), in a fresh process's state."""
    import slidegen.output.pictures as cache_module

    monkeypatch.setattr(cache_module, "_unsaved", {})
    calls: list[Path] = []
    real = pipeline.embed
    monkeypatch.setattr(pipeline, "embed", lambda path, target: calls.append(path) or real(path, target))
    return calls


def box(path: Path, w: float = 10, h: float = 7.5, source: Location | None = None) -> PictureBox:
    return PictureBox(Rect(0, 0, cm(w), cm(h)), path, "Ett foto", pixels=(640, 480), source=source)


def test_a_picture_is_made_once_and_found_by_its_bytes(tmp_path: Path, made: list[Path]):
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(jpeg_photo(640, 480, 6))
    cache = PictureCache(tmp_path / "cache")
    first = cache.picture(box(photo))
    assert made == [photo]
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".jpg"]
    assert PictureCache(tmp_path / "cache").picture(box(photo)) == first  # another build: from the cache
    copy = tmp_path / "kopia.jpg"
    copy.write_bytes(photo.read_bytes())
    assert cache.picture(box(copy)) == first  # the same bytes under another name
    assert made == [photo]


def test_another_frame_size_or_other_bytes_make_it_again(tmp_path: Path, made: list[Path]):
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(jpeg_photo(2000, 1500))
    cache = PictureCache(tmp_path / "cache")
    small, large = cache.picture(box(photo, 5, 3.75)), cache.picture(box(photo, 20, 15))
    assert len(small) < len(large)
    photo.write_bytes(jpeg_photo(2000, 1500, 3))
    cache.picture(box(photo, 5, 3.75))
    assert made == [photo] * 3
    assert len(list((tmp_path / "cache").iterdir())) == 3


def test_without_a_folder_or_with_one_that_cannot_be_written_it_is_made_once_per_process(tmp_path: Path,
                                                                                         made: list[Path]):
    photo = tmp_path / "logo.png"
    photo.write_bytes(png_picture(120, 80, alpha=True))
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    for cache in (PictureCache(None), PictureCache(blocked / "cache")):
        assert cache.picture(box(photo))[:4] == b"\x89PNG"
        assert cache.picture(box(photo))[:4] == b"\x89PNG"  # the build's check, then its render
    assert made == [photo]
    assert not (blocked / "cache").exists()


def _deck(*boxes: PictureBox) -> DeckPlan:
    title = TextBox(Rect(0, 0, 10, 10), (), 20, "Calibri", "#000000", "title", None)  # type: ignore[arg-type]
    slides = tuple(SlidePlan("content", title, (b,), Location("content/decks/d.yaml")) for b in boxes)
    return DeckPlan("d", cm(25.4), cm(14.29), slides, Properties("", "", "", "", "", "sv-SE", dt.datetime(2016, 1, 1)))


def test_check_makes_each_picture_once_and_locates_what_cannot_be_read(tmp_path: Path, made: list[Path]):
    root = tmp_path / "project"
    (root / "content" / "bilder").mkdir(parents=True)
    logo = root / "content" / "bilder" / "logo.png"
    logo.write_bytes(png_picture(120, 80, alpha=True))
    cut = root / "content" / "bilder" / "trasig.jpg"
    cut.write_bytes(jpeg_photo(640, 480)[:3000])
    at = Location("content/examples/skane-1.yaml", 9, 10, "picture")
    cache = PictureCache(root / "output" / ".cache" / "pictures", root)
    problems = cache.check([_deck(box(logo), box(logo), box(cut, source=at)), _deck(box(logo))])
    assert made == [logo, cut]
    assert [str(p) for p in problems] == [
        "content/examples/skane-1.yaml:9:10: picture: `content/bilder/trasig.jpg` starts like a JPEG picture but "
        "cannot be read (the file ends too early: was it copied or downloaded only in part?); open it in a picture "
        "program and save it again"
    ]
    cut.unlink()
    (problem,) = cache.check([_deck(box(cut, source=at))])
    assert problem.message.startswith("`content/bilder/trasig.jpg` cannot be read (")


def test_the_hashes_of_the_sources_are_remembered_for_the_next_process(tmp_path: Path, monkeypatch):
    import hashlib
    import json

    import slidegen.output.pictures as cache_module

    photo = tmp_path / "foto.jpg"
    photo.write_bytes(jpeg_photo(640, 480))
    folder = tmp_path / "cache"
    first = PictureCache(folder)
    first.check([_deck(box(photo))])
    index = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
    assert index == {str(photo.resolve()): [photo.stat().st_size, photo.stat().st_mtime_ns,
                                            hashlib.sha256(photo.read_bytes()).hexdigest()]}
    read: list[str] = []
    real = hashlib.file_digest
    monkeypatch.setattr(cache_module.hashlib, "file_digest", lambda fh, name: read.append(fh.name) or real(fh, name))
    monkeypatch.setattr(cache_module, "_digests", {})  # as in a new process
    monkeypatch.setattr(cache_module, "_indexes", set())
    made = PictureCache(folder).picture(box(photo))
    assert read == []  # known from the index: the photo's bytes were not read again
    photo.write_bytes(jpeg_photo(640, 480, 3))  # edited: a new change time and new bytes
    assert PictureCache(folder).picture(box(photo)) != made
    assert read == [str(photo)]
