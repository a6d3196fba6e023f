"""Pictures as they are embedded: decoded, turned upright, cropped, no larger than their frame at 200 dpi,
in sRGB, as JPEG (photos) or PNG (transparency, few colours), and without any metadata."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PIL import Image

from slidegen.load.pictures import UNREADABLE, PictureError, open_picture, orientation, unreadable, upright
from slidegen.plan.model import NO_CROP, Crop
from slidegen.plan.pictures import SHARP_DPI
from slidegen.units import EMU_PER_INCH

__all__ = ["DPI", "PictureError", "Target", "embed"]  # PictureError: what embed raises, for the picture cache

DPI = SHARP_DPI
"""The most pixels per inch of its frame a picture is embedded with: sharp on a projector and in print."""

JPEG_QUALITY = 85
"""Photos are written as baseline JPEG at this quality."""

FEW_COLOURS = 4096
"""A lossless picture (PNG, WebP) with at most this many colours is a diagram or logo: kept as PNG."""

@dataclass(frozen=True)
class Target:
    """What a picture is made for: the pixels its frame holds at DPI, and the part of it shown."""

    width: int
    height: int
    crop: Crop = NO_CROP
    """What is cut away from the upright picture (fractions of its width and height at each edge)."""

    @classmethod
    def of(cls, frame_w: int, frame_h: int, crop: Crop = NO_CROP) -> Target:
        """The target of a frame of `frame_w` × `frame_h` EMU."""
        return cls(max(1, round(frame_w * DPI / EMU_PER_INCH)), max(1, round(frame_h * DPI / EMU_PER_INCH)), crop)

    def box(self, size: tuple[int, int]) -> tuple[int, int, int, int]:
        """The part of an upright picture of `size` shown: (left, top, right, bottom) in its pixels."""
        w, h = size
        left, top, right, bottom = self.crop.left, self.crop.top, self.crop.right, self.crop.bottom
        box = (round(w * left), round(h * top), round(w * (1 - right)), round(h * (1 - bottom)))
        return box[0], box[1], max(box[2], box[0] + 1), max(box[3], box[1] + 1)

    def size(self, shown: tuple[int, int]) -> tuple[int, int]:
        """The embedded size of a shown part of `shown` pixels: scaled down to fit the target, never up."""
        scale = min(1.0, self.width / shown[0], self.height / shown[1])
        return max(1, round(shown[0] * scale)), max(1, round(shown[1] * scale))


_TURNS: dict[int, Image.Transpose | None] = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
"""What turns stored pixels upright, by their EXIF orientation."""

_PLAIN = {"1": "L", "P": "RGB", "PA": "RGBA", "La": "LA", "RGBa": "RGBA", "RGBX": "RGB", "YCbCr": "RGB",
          "I": "L", "F": "L"}
"""Modes that are converted before scaling, and what to."""


def _plain(image: Image.Image) -> Image.Image:
    """The picture in a mode that scales well and converts to sRGB: L, LA, RGB, RGBA or CMYK (colour-key
    transparency becomes an alpha channel; 16-bit grey becomes 8-bit)."""
    mode = image.mode
    if "transparency" in image.info:
        return image.convert("RGBA")
    if mode in ("L", "LA", "RGB", "RGBA", "CMYK"):
        return image
    if mode.startswith("I;16"):
        return image.convert("I").point(lambda v: v / 256).convert("L")  # type: ignore[operator]
    return image.convert(_PLAIN.get(mode, "RGBA" if "A" in image.getbands() else "RGB"))


def _srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """The picture's colours in sRGB: its embedded ICC profile applied, CMYK converted (RGB or L as they are)."""
    if icc:
        from PIL import ImageCms

        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            out_mode = "RGBA" if image.mode in ("RGBA", "LA") else "RGB"
            if image.mode == "LA":
                image = image.convert("RGBA")
            return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"),
                                             renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode=out_mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile, or one that does not fit the pixels: the pixels taken as sRGB
    if image.mode == "CMYK":
        return image.convert("RGB")
    return image


def _has_transparency(image: Image.Image) -> bool:
    """Whether any pixel is less than fully opaque."""
    return "A" in image.getbands() and image.getchannel("A").getextrema()[0] < 255


def _encode_jpeg(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False, subsampling="4:2:0")
    return buf.getvalue()


def _encode_png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=9)
    return buf.getvalue()


ENCODERS: dict[str, Callable[[Image.Image], bytes]] = {"JPEG": _encode_jpeg, "PNG": _encode_png}
"""The writer of each embedded format; given a picture without `info`, it writes no metadata."""


def embed(path: Path, target: Target) -> bytes:
    """The picture file at `path` as it is embedded for `target` (see the module's docstring).

    Raises PictureError (load/pictures.py) when the file is not a picture slidegen reads or cannot be decoded.
    """
    image, kind = open_picture(path)
    with image:
        turn = orientation(image)
        icc = image.info.get("icc_profile") or None
        full = upright(image.size, turn)
        box = target.box(full)
        final = target.size((box[2] - box[0], box[3] - box[1]))
        # decode no more pixels than needed: JPEG scales by 1/2, 1/4 or 1/8 while decoding, HEIC may offer a thumbnail
        need = (math.ceil(final[0] * full[0] / (box[2] - box[0])), math.ceil(final[1] * full[1] / (box[3] - box[1])))
        image.draft(None, upright(need, turn))
        try:
            image.load()
        except UNREADABLE as exc:
            raise unreadable(kind, exc) from None
        picture: Image.Image = image
        method = _TURNS[turn]
        if method is not None:
            picture = picture.transpose(method)
        if picture.size != full:  # decoded smaller (draft): the crop box in the decoded pixels
            sx, sy = picture.size[0] / full[0], picture.size[1] / full[1]
            box = (round(box[0] * sx), round(box[1] * sy), max(round(box[2] * sx), 1), max(round(box[3] * sy), 1))
        if box != (0, 0, *picture.size):
            picture = picture.crop(box)
        picture = _plain(picture)
        drawing = kind in ("PNG", "WebP") and picture.getcolors(FEW_COLOURS) is not None
        if picture.size != final:
            picture = picture.resize(final, Image.Resampling.LANCZOS)
        picture = _srgb(picture, icc)
        fmt = "PNG" if drawing or _has_transparency(picture) else "JPEG"
        if fmt == "JPEG" and picture.mode not in ("L", "RGB"):
            picture = picture.convert("RGB")
        if picture is image:
            picture = picture.copy()
        picture.info = {}  # nothing of the source's metadata (EXIF, XMP, ICC, text) reaches the writer
        return ENCODERS[fmt](picture)
