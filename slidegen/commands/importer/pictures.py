"""The original's pictures made into files slidegen shows: converted to PNG where needed, through the picture
pipeline (upright, cut as shown, scaled to a slide, without metadata), named by the importer."""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from slidegen.commands.importer.source import Picture, SourceDeck

MAX_PIXELS = 40_000_000
"""Pictures with more pixels are not decoded (a decompression bomb, or far more than a slide shows)."""
SLIDE = (12_192_000, 6_858_000)
"""EMU of a 16:9 slide: what a picture is made for when the original names no slide size."""
WORKERS = max(1, min(4, os.cpu_count() or 1))
"""Pictures made at the same time (decoding, turning, scaling and encoding run outside Python's lock)."""
SOFFICE_TIMEOUT = 180
"""Seconds LibreOffice may take to convert every WMF and EMF drawing of a deck (one run for all)."""


@dataclass(frozen=True)
class Saved:
    """A picture as the importer writes it: its name under content/ and its bytes."""

    ref: str
    data: bytes
    changes: tuple[str, ...] = ()
    """What was done to it, in words (`converted from GIF`, `cropped as shown`)."""


@dataclass(frozen=True)
class Missing:
    """A picture that could not be carried, and why."""

    reason: str


Prepared = Saved | Missing


@dataclass
class Pictures:
    """Every distinct picture of a deck (by its bytes), prepared once; the slides it stands on."""

    prepared: dict[tuple[int, int], Prepared] = field(default_factory=dict)
    slides: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    """Picture → the numbers of the slides that show it, in order."""

    def get(self, picture: Picture) -> Prepared:
        return self.prepared[picture.key]

    def first_slide(self, picture: Picture) -> int:
        return self.slides[picture.key][0]


_KINDS: dict[str, str] = {
    "image/png": "png", "image/jpeg": "jpeg", "image/jpg": "jpeg", "image/pjpeg": "jpeg",
    "image/gif": "gif", "image/bmp": "bmp", "image/x-bmp": "bmp", "image/tiff": "tiff",
    "image/x-wmf": "wmf", "image/wmf": "wmf", "image/x-emf": "emf", "image/emf": "emf",
    "application/x-msmetafile": "wmf", "application/pdf": "pdf", "image/x-pict": "pict",
    "image/svg+xml": "svg", "image/vnd.ms-photo": "wdp", "image/webp": "webp",
}
"""What a picture part's content type says it is."""

_NAMES = {"wmf": "WMF", "emf": "EMF", "gif": "GIF", "bmp": "BMP", "tiff": "TIFF", "pdf": "PDF", "pict": "PICT",
          "svg": "SVG", "wdp": "HD Photo (WDP)", "webp": "WebP"}


def _kind(picture: Picture) -> str:
    """What the picture is, from its bytes first (content types lie), else from its content type."""
    head = picture.blob[:64]
    for magic, kind in ((b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"), (b"BM", "bmp"),
                        (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"), (b"%PDF", "pdf"), (b"\xd7\xcd\xc6\x9a", "wmf"),
                        (b"\x01\x00\x09\x00", "wmf"), (b"\x02\x00\x09\x00", "wmf")):
        if head.startswith(magic):
            return kind
    if head[:4] == b"\x01\x00\x00\x00" and head[40:44] == b" EMF":
        return "emf"
    return _KINDS.get(picture.content_type.lower(), "unknown")


def prepare(deck: SourceDeck, folder: str, soffice: str | None) -> Pictures:
    """Every distinct picture of the deck as a PNG or JPEG under `folder` (relative to content/), named
    `slide-NN-K.png` after the first slide that shows it; WMF and EMF drawings through LibreOffice
    (`soffice`) in one run when it is installed."""
    out = Pictures()
    width = max(2, len(str(len(deck.slides))))
    names: dict[tuple[int, int], str] = {}
    originals: dict[tuple[int, int], Picture] = {}
    for slide in deck.slides:
        k = 0
        for picture in slide.pictures:
            out.slides.setdefault(picture.key, [])
            if slide.number not in out.slides[picture.key]:
                out.slides[picture.key].append(slide.number)
            if picture.key not in names:
                k += 1
                names[picture.key] = f"{folder}/slide-{slide.number:0{width}d}-{k}"
                originals[picture.key] = picture
    drawings = {key: p for key, p in originals.items() if _kind(p) in ("wmf", "emf")}
    converted = _convert_drawings(drawings, soffice) if drawings else {}
    slide = (deck.width or SLIDE[0], deck.height or SLIDE[1])

    def one(key: tuple[int, int], work: Path) -> Prepared:
        picture = originals[key]
        kind = _kind(picture)
        if kind not in ("wmf", "emf"):
            return _raster(names[key], picture, kind, slide, work)
        png = converted.get(key)
        if png is None:
            why = "LibreOffice is not installed" if soffice is None else "LibreOffice could not convert it"
            return Missing(f"a {_NAMES[kind]} drawing ({why})")
        return _finish(names[key], png, "png", picture, (f"converted from {_NAMES[kind]} by LibreOffice",), slide, work)

    with tempfile.TemporaryDirectory(prefix="slidegen-import-") as tmp, \
            ThreadPoolExecutor(max_workers=WORKERS) as pool:  # Pillow lets go of the GIL while it decodes and scales
        for key, prepared in zip(originals, pool.map(lambda key: one(key, Path(tmp)), originals)):
            out.prepared[key] = prepared
    return out


def _raster(name: str, picture: Picture, kind: str, slide: tuple[int, int], work: Path) -> Prepared:
    if kind in ("png", "jpeg", "webp"):
        return _finish(name, picture.blob, kind, picture, (), slide, work)
    convert = _CONVERTERS.get(kind)
    if convert is None:
        return Missing(f"a picture in {_NAMES.get(kind, 'a format slidegen cannot read')} format")
    png = convert(picture.blob)
    if png is None:
        return Missing(f"a {_NAMES[kind]} picture that cannot be read")
    return _finish(name, png, "png", picture, (f"converted from {_NAMES[kind]}",), slide, work)


def _pillow_png(data: bytes) -> bytes | None:
    """A GIF (its first frame), BMP or TIFF as PNG."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                return None
            image.seek(0)
            frame = image.convert("RGBA" if "transparency" in image.info or image.mode in ("RGBA", "LA", "P") else "RGB")
            buf = io.BytesIO()
            frame.save(buf, "PNG", optimize=True)
            return buf.getvalue()
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        return None


def _pdf_png(data: bytes) -> bytes | None:
    """The first page of a PDF picture (Mac PowerPoint stores some pictures so), drawn at 150 dpi."""
    import pypdfium2

    try:
        doc = pypdfium2.PdfDocument(data)
    except (pypdfium2.PdfiumError, ValueError):
        return None
    try:
        if len(doc) == 0:
            return None
        bitmap = doc[0].render(scale=150 / 72)
        image = bitmap.to_pil()
        buf = io.BytesIO()
        image.save(buf, "PNG", optimize=True)
        return buf.getvalue()
    finally:
        doc.close()


_CONVERTERS: dict[str, Callable[[bytes], bytes | None]] = {
    "gif": _pillow_png, "bmp": _pillow_png, "tiff": _pillow_png, "pdf": _pdf_png,
}
"""How each raster format the slides cannot show becomes a PNG."""


def _finish(name: str, data: bytes, kind: str, picture: Picture, changes: tuple[str, ...], slide: tuple[int, int],
            work: Path) -> Prepared:
    """The picture as the picture pipeline makes it for a whole slide: upright, cut as the original's slide
    showed it, no larger than the slide at 200 dpi, in sRGB, without metadata, as PNG or JPEG."""
    from slidegen.load.pictures import PictureError
    from slidegen.plan.model import NO_CROP, Crop
    from slidegen.render.pictures import Target, embed

    crop = Crop(*picture.crop) if any(picture.crop) else NO_CROP
    target = Target.of(slide[0], slide[1], crop)
    if crop == NO_CROP and _as_made(data, kind, target):
        return Saved(f"{name}.{'png' if kind == 'png' else 'jpg'}", data, changes)
    source = work / f"{Path(name).name}.{kind}"
    source.write_bytes(data)
    try:
        made = embed(source, target)
    except PictureError as exc:
        return Missing(f"a picture that cannot be read ({exc})")
    if crop != NO_CROP:
        changes = (*changes, "cut as the original's slide showed it")
    suffix = ".png" if made.startswith(b"\x89PNG") else ".jpg"
    return Saved(name + suffix, made, changes)


_METADATA = {"exif", "icc_profile", "photoshop", "xmp", "XML:com.adobe.xmp", "comment", "adobe_transform"}
"""What the picture pipeline takes out of a picture (besides text chunks of a PNG)."""


def _as_made(data: bytes, kind: str, target: Any) -> bool:
    """Whether the pipeline would make the same picture of these bytes: a PNG or JPEG already upright, in sRGB,
    without metadata and no larger than its target (then its bytes are kept, not encoded again)."""
    from PIL import Image

    if kind not in ("png", "jpeg"):
        return False
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.mode not in ("L", "LA", "RGB", "RGBA", "P") or _METADATA & set(image.info):
                return False
            if kind == "png" and getattr(image, "text", None):
                return False
            return image.width <= target.width and image.height <= target.height
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False


def _convert_drawings(drawings: dict[tuple[int, int], Picture], soffice: str | None) -> dict[tuple[int, int], bytes]:
    """WMF/EMF drawings as PNG, converted by LibreOffice in one run with a private profile."""
    if soffice is None:
        return {}
    with tempfile.TemporaryDirectory(prefix="slidegen-import-") as tmp:
        work = Path(tmp)
        files = {}
        for n, (key, picture) in enumerate(drawings.items(), start=1):
            path = work / f"drawing-{n}.{_kind(picture)}"
            path.write_bytes(picture.blob)
            files[key] = path
        cmd = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
               "--nologo", "--convert-to", "png", "--outdir", str(work / "png"), *(str(p) for p in files.values())]
        try:
            subprocess.run(cmd, capture_output=True, timeout=SOFFICE_TIMEOUT, stdin=subprocess.DEVNULL, check=False)
        except (subprocess.TimeoutExpired, OSError):
            return {}
        out = {}
        for key, path in files.items():
            png = work / "png" / (path.stem + ".png")
            if png.is_file() and png.stat().st_size:
                trimmed = _trimmed(png.read_bytes())
                if trimmed is not None:
                    out[key] = trimmed
        return out


def _trimmed(png: bytes) -> bytes | None:
    """A drawing LibreOffice put on a page of its own, cut to what is drawn (None when nothing is)."""
    from PIL import Image, ImageChops

    try:
        with Image.open(io.BytesIO(png)) as image:
            rgba = image.convert("RGBA")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    alpha = rgba.getchannel("A")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    ink = ImageChops.difference(rgba, white).convert("L").point(lambda v: 255 if v > 8 else 0)
    box = ImageChops.multiply(ink, alpha.point(lambda v: 255 if v > 8 else 0)).getbbox()
    if box is None:
        return None
    margin = 4
    box = (max(0, box[0] - margin), max(0, box[1] - margin), min(rgba.width, box[2] + margin), min(rgba.height, box[3] + margin))
    buf = io.BytesIO()
    rgba.crop(box).save(buf, "PNG", optimize=True)
    return buf.getvalue()
