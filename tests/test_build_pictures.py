"""End to end: good examples with photos as phones take them, built into the Nobel deck and read back."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
import photos
from PIL import Image
from pptx import Presentation

import slidegen.render.pictures as pipeline
from slidegen.build import build
from slidegen.cli import main
from slidegen.commands.validate import validate_paths
from slidegen.errors import ContentError
from slidegen.project import Project

NOBEL = "nobel-2016"

PHOTOS = {
    # county: (file, its bytes, the upright size)
    "Stockholm": ("bilder/stående.jpg", lambda: photos.jpeg_photo(640, 480, 6), (640, 480)),
    "Uppsala": ("bilder/spegel.jpg", lambda: photos.jpeg_photo(640, 480, 7), (640, 480)),
    "Gotland": ("bilder/iphone.heic", lambda: photos.heic_photo(640, 480), (640, 480)),
    "Kalmar": ("bilder/webb.webp", lambda: photos.webp_photo(640, 480, 8), (640, 480)),
    "Halland": ("bilder/tryck.jpg", photos.cmyk_jpeg, (320, 240)),
    "Dalarna": ("bilder/stor.jpg", lambda: photos.jpeg_photo(4032, 3024, 1), (4032, 3024)),
}


def add_example(project: Project, county: str, picture: str, name: str | None = None) -> Path:
    slug = (name or county).lower().translate(str.maketrans("åäö ", "aao-"))
    path = project.content / "examples" / f"{slug}-1.yaml"
    path.write_text(
        f"county: {county}\n"
        f"title: \"Fotot från {county}\"\n"
        "description:\n  - Ett foto direkt från mobilen.\n"
        "methods: [23]\n"
        f"picture: {picture}\n"
        f"picture_alt: \"Foto från {county}: en röd ruta uppe till vänster, en blå uppe till höger.\"\n"
        "status: klar\n",
        encoding="utf-8",
    )
    return path


def with_photos(project: Project, chosen: dict = PHOTOS) -> None:
    (project.content / "bilder").mkdir(exist_ok=True)
    for county, (ref, make, _) in chosen.items():
        (project.content / ref).write_bytes(make())
        add_example(project, county, ref)


def pictures_by_title(path: Path) -> dict[str, tuple[object, bytes]]:
    """Each example slide's picture: the shape and the bytes embedded, by the county in its title."""
    out = {}
    for slide in Presentation(str(path)).slides:
        title = slide.shapes.title.text_frame.text
        for shape in slide.shapes:
            if shape.name == "Picture":
                out[title.split(":")[0]] = (shape, shape.image.blob)
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory, chart_cache) -> tuple[Project, Path]:
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("photos"), chart_cache)
    with_photos(project)
    (deck,) = build(project, [project.content / "decks" / f"{NOBEL}.yaml"])
    return project, deck.path


def test_every_photo_is_upright_with_the_frame_of_its_upright_shape(built):
    _, path = built
    pictures = pictures_by_title(path)
    assert set(PHOTOS) <= set(pictures)
    for county, (_, _, size) in PHOTOS.items():
        shape, blob = pictures[county]
        assert abs(shape.width / shape.height - size[0] / size[1]) < 0.01, county
        image = Image.open(io.BytesIO(blob))
        assert abs(image.width / image.height - size[0] / size[1]) < 0.01, county
        if county != "Halland":  # the CMYK picture has no marks
            assert photos.near(photos.colour_at(image, 0.03, 0.03), photos.RED), county
            assert photos.near(photos.colour_at(image, 0.97, 0.03), photos.BLUE), county


def test_no_picture_in_the_package_carries_metadata(built):
    _, path = built
    for county, (_, blob) in pictures_by_title(path).items():
        assert photos.metadata_in(blob) == [], county
    with zipfile.ZipFile(path) as z:
        media = [n for n in z.namelist() if n.startswith("ppt/media/")]
        assert len(media) >= len(PHOTOS)
        for name in media:  # the chart pictures, drawn by slidegen, say only their resolution (pHYs)
            assert [m for m in photos.metadata_in(z.read(name)) if m != "pHYs"] == [], name
        everything = b"".join(z.read(n) for n in z.namelist())
    for secret in (b"Ficktelefon", b"Telefonbolaget", b"xmpmeta", b"2016:05:14"):
        assert secret not in everything


def test_the_photo_deck_is_valid_and_its_jpegs_are_stored_not_deflated(built):
    from openxml_audit import FileFormat, OpenXmlValidator

    from slidegen.commands.audit import audit

    _, path = built
    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2016).validate(path)
    assert result.is_valid and not result.errors, [str(e) for e in result.errors[:5]]
    assert audit(path) == []
    with zipfile.ZipFile(path) as z:
        kinds = {(i.filename.rsplit(".", 1)[-1], i.compress_type) for i in z.infolist() if i.filename.startswith("ppt/media/")}
        assert z.testzip() is None
    assert kinds == {("jpg", zipfile.ZIP_STORED), ("png", zipfile.ZIP_DEFLATED)}


def test_the_12_megapixel_photo_is_embedded_at_no_more_than_200_dpi(built):
    _, path = built
    shape, blob = pictures_by_title(path)["Dalarna"]
    image = Image.open(io.BytesIO(blob))
    most = (round(shape.width / 914400 * 200), round(shape.height / 914400 * 200))
    assert image.format == "JPEG"
    assert image.width <= most[0] and image.height <= most[1]
    assert image.width >= most[0] - 1  # scaled to the frame, not below it
    assert len(blob) < 400_000


def test_heic_webp_and_cmyk_are_embedded_as_rgb_jpeg(built):
    _, path = built
    pictures = pictures_by_title(path)
    for county in ("Gotland", "Kalmar", "Halland"):
        image = Image.open(io.BytesIO(pictures[county][1]))
        assert (image.format, image.mode) == ("JPEG", "RGB"), county
    cmyk = Image.open(io.BytesIO(pictures["Halland"][1]))
    assert photos.near(photos.colour_at(cmyk, 0.25, 0.5), (0, 255, 255)) and photos.near(photos.colour_at(cmyk, 0.75, 0.5), (255, 0, 0))


def test_a_picture_slide_with_a_heic_photo_cropped_to_cover_its_place(project: Project, tmp_path: Path):
    """A portrait phone photo (stored sideways, orientation 6) filling a landscape place: its top and bottom
    are cut from the pixels, so what is embedded has the frame's shape and the XML has no crop."""
    (project.content / "bilder").mkdir(exist_ok=True)
    (project.content / "bilder" / "porträtt.jpg").write_bytes(photos.jpeg_photo(600, 800, 6))
    (project.content / "bilder" / "iphone.heic").write_bytes(photos.heic_photo(640, 480))
    deck = project.content / "decks" / f"{NOBEL}.yaml"
    deck.write_text(deck.read_text(encoding="utf-8") + (
        "\n  - kind: picture\n    title: Porträtt från mobilen\n    picture: bilder/porträtt.jpg\n"
        "    alt: Ett porträtt\n    fit: cover\n"
        "\n  - kind: picture\n    title: Foto från en iPhone\n    picture: bilder/iphone.heic\n"
        "    alt: Ett foto\n"), encoding="utf-8")
    (built_deck,) = build(project, [deck], out_dir=tmp_path)
    shapes = pictures_by_title(built_deck.path)
    portrait, blob = shapes["Porträtt från mobilen"]
    assert (portrait.crop_left, portrait.crop_top, portrait.crop_right, portrait.crop_bottom) == (0, 0, 0, 0)
    image = Image.open(io.BytesIO(blob))
    assert portrait.width > portrait.height
    assert image.width / image.height == pytest.approx(portrait.width / portrait.height, rel=0.01)
    # the scene's marks (its top sixth of the width: 100 of 800 rows) were in the part cut away at the top
    assert not photos.near(photos.colour_at(image, 0.02, 0.02), photos.RED)
    assert not photos.near(photos.colour_at(image, 0.98, 0.02), photos.BLUE)
    iphone, blob = shapes["Foto från en iPhone"]
    image = Image.open(io.BytesIO(blob))
    assert image.format == "JPEG" and photos.metadata_in(blob) == []
    assert abs(iphone.width / iphone.height - 640 / 480) < 0.01


def test_the_theme_logo_goes_through_the_pipeline(project: Project, tmp_path: Path):
    (deck,) = build(project, [project.content / "decks" / "skype-2016-10-28.yaml"], theme="mall", out_dir=tmp_path)
    prs = Presentation(str(deck.path))
    logos = [s for slide in prs.slides for s in slide.shapes if s.name == "Logo"]
    assert len(logos) == len(prs.slides)
    image = Image.open(io.BytesIO(logos[0].image.blob))
    assert image.format == "PNG" and image.mode == "RGBA"
    assert image.height == round(logos[0].height / 914400 * 200) < 240  # the 240-pixel logo, at 200 dpi of 1.3 cm
    with zipfile.ZipFile(deck.path) as z:
        assert sum(n.startswith("ppt/media/") and n.endswith(".png") and "image" in n for n in z.namelist()) >= 1


def test_the_same_content_gives_the_same_bytes_with_or_without_the_cache(project: Project, tmp_path: Path):
    with_photos(project, {k: PHOTOS[k] for k in ("Stockholm", "Gotland")})
    deck = project.content / "decks" / f"{NOBEL}.yaml"
    first = build(project, [deck], out_dir=tmp_path / "a")[0].path.read_bytes()
    cached = sorted(p for p in (project.output / ".cache" / "pictures").iterdir() if p.suffix in (".jpg", ".png"))
    assert len(cached) == 2 + 1  # the two photos and the shipped sketch
    warm = build(project, [deck], out_dir=tmp_path / "b")[0].path.read_bytes()
    for p in cached:
        p.unlink()
    cold = build(project, [deck], out_dir=tmp_path / "c")[0].path.read_bytes()
    assert first == warm == cold


def test_a_text_change_re_encodes_no_picture(project: Project, tmp_path: Path, monkeypatch):
    with_photos(project, {k: PHOTOS[k] for k in ("Stockholm", "Kalmar")})
    deck = project.content / "decks" / f"{NOBEL}.yaml"
    build(project, [deck], out_dir=tmp_path)
    made: list[Path] = []
    real = pipeline.embed
    monkeypatch.setattr(pipeline, "embed", lambda path, target: made.append(path) or real(path, target))
    deck.write_text(deck.read_text(encoding="utf-8").replace("Enkäten om arbetssätt", "Enkäten om arbetssätten"),
                    encoding="utf-8")
    build(project, [deck], out_dir=tmp_path)
    assert made == []
    (project.content / "bilder" / "webb.webp").write_bytes(photos.webp_photo(800, 600, 8))  # new bytes: made again
    build(project, [deck], out_dir=tmp_path)
    assert [p.name for p in made] == ["webb.webp"]


def _truncated() -> bytes:
    data = photos.jpeg_photo(640, 480)
    return data[: len(data) * 2 // 3]


BAD = {
    "bilder/trasig.jpg": (_truncated, "`content/bilder/trasig.jpg` starts like a JPEG picture but cannot be read "
                                      "(the file ends too early: was it copied or downloaded only in part?); open it "
                                      "in a picture program and save it again"),
    "bilder/foto.heic": (lambda: "Det här är en textfil, inte ett foto.\n".encode(),
                         "`bilder/foto.heic` is not a PNG, JPEG, HEIC or WebP picture (its content is not a "
                         "picture); save it as PNG or JPEG"),
    "bilder/bomb.png": (lambda: photos.png_header_only(30000, 30000),
                        "`bilder/bomb.png` is 30000 × 30000 pixels (900 megapixels), more than the 120 megapixels "
                        "a picture may have; save it smaller"),
}


@pytest.mark.parametrize("ref", sorted(BAD))
def test_a_bad_picture_is_a_located_error_and_nothing_is_written(project: Project, tmp_path: Path, ref: str):
    make, says = BAD[ref]
    (project.content / "bilder").mkdir(exist_ok=True)
    (project.content / ref).write_bytes(make())
    example = add_example(project, "Västmanland", ref)
    out = tmp_path / "out"
    with pytest.raises(ContentError) as err:
        build(project, out_dir=out)
    (problem,) = err.value.sorted()
    assert str(problem).startswith(f"{project.show(example)}:6:10: picture: {says}"), str(problem)
    assert not out.exists() or not any(out.iterdir())
    for paths in ([], [example]):  # validate says the same, of everything or of the example alone
        with pytest.raises(ContentError) as again:
            validate_paths(project, paths)
        assert [str(p) for p in again.value.sorted()] == [str(problem)]


def test_validate_notes_a_picture_too_small_for_its_frame(project: Project):
    (project.content / "bilder").mkdir(exist_ok=True)
    (project.content / "bilder" / "liten.jpg").write_bytes(photos.jpeg_photo(200, 150))
    example = add_example(project, "Blekinge", "bilder/liten.jpg")
    for paths in ([], [str(example)]):
        result = CliRunner().invoke(main, ["--root", str(project.root), "validate", *paths])
        assert result.exit_code == 0, result.output
        notes = [line for line in result.output.splitlines() if line.startswith("note:")]
        assert len(notes) == 1, result.output
        assert notes == [f"note: {project.show(example)}:6:10: picture: `liten.jpg` is 200 × 150 pixels, 40 dpi "
                         "on its 12.6 × 9.5 cm frame, and will look blurry; a picture of 995 × 746 pixels would be sharp"]
        assert "checked, no problems found" in result.output
