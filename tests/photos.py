"""Generated pictures for tests: photos as phones store them (EXIF orientation, GPS, camera), marked
corners to find again, metadata of every kind, and readers of what a picture file carries."""

from __future__ import annotations

import io
import struct
import zlib
from functools import lru_cache

import numpy as np
from PIL import Image, PngImagePlugin

RED, BLUE = (230, 20, 20), (20, 40, 230)
"""The marks: red in the top-left corner of the upright scene, blue in its top-right corner."""

GPS_IFD = 0x8825
ORIENTATION = 0x0112

XMP = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
       b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="59,19.7N"/></rdf:RDF></x:xmpmeta>'
       b'<?xpacket end="w"?>')
"""An XMP packet with a position in it, as photo software writes one."""


def scene(width: int, height: int, *, noise: bool = True) -> np.ndarray:
    """An upright landscape photo: a smooth gradient with noise (many colours, like a real photo), a red
    square in the top-left corner and a blue one in the top-right corner."""
    y, x = np.mgrid[0:height, 0:width]
    pixels = np.stack([80 + 100 * x / width, 90 + 80 * y / height, 140 - 60 * x / width], axis=-1)
    if noise:
        pixels += np.random.default_rng(7).normal(0, 6, pixels.shape)
    pixels = pixels.clip(0, 255).astype(np.uint8)
    side = max(4, min(width, height) // 6)
    pixels[:side, :side] = RED
    pixels[:side, -side:] = BLUE
    return pixels


STORED: dict[int, tuple[bool, bool, bool]] = {
    # orientation: (stored rows are the scene's columns, the scene counted from its right, from its bottom),
    # from the EXIF meaning of each value: where the stored 0th row and 0th column lie in the upright scene
    1: (False, False, False),  # row 0 at the top, column 0 at the left
    2: (False, True, False),  # row 0 at the top, column 0 at the right
    3: (False, True, True),  # row 0 at the bottom, column 0 at the right
    4: (False, False, True),  # row 0 at the bottom, column 0 at the left
    5: (True, False, False),  # row 0 at the left, column 0 at the top
    6: (True, True, False),  # row 0 at the right, column 0 at the top
    7: (True, True, True),  # row 0 at the right, column 0 at the bottom
    8: (True, False, True),  # row 0 at the left, column 0 at the bottom
}


def stored(upright: np.ndarray, orientation: int) -> np.ndarray:
    """The pixels a camera stores for an upright scene when it writes `orientation` in the EXIF data
    (numpy flips and a transposition from the table above, independent of Pillow's own table)."""
    transposed, from_right, from_bottom = STORED[orientation]
    out = upright[:, ::-1] if from_right else upright
    out = out[::-1] if from_bottom else out
    out = out.transpose(1, 0, 2) if transposed else out
    return np.ascontiguousarray(out)


def phone_exif(orientation: int = 1) -> Image.Exif:
    """EXIF data as a phone writes it: orientation, camera make and model, date, and a GPS position."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Telefonbolaget"  # Make
    exif[0x0110] = "Ficktelefon 12"  # Model
    exif[0x0132] = "2016:05:14 10:31:02"  # DateTime
    exif[GPS_IFD] = {1: "N", 2: (59.0, 19.0, 42.0), 3: "E", 4: (18.0, 4.0, 7.0)}
    return exif


@lru_cache(maxsize=16)
def jpeg_photo(width: int = 640, height: int = 480, orientation: int = 1, *, quality: int = 90,
               icc: bytes | None = None, xmp: bool = True) -> bytes:
    """A JPEG photo of an upright `width` × `height` scene, stored as a phone stores it for `orientation`,
    with EXIF (GPS, camera), XMP, and an ICC profile when one is given."""
    image = Image.fromarray(stored(scene(width, height), orientation))
    buf = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    image.save(buf, format="JPEG", quality=quality, exif=phone_exif(orientation).tobytes(),
               **({"xmp": XMP} if xmp else {}), **extra)
    return buf.getvalue()


def heic_photo(width: int = 640, height: int = 480) -> bytes:
    """A HEIC photo (as an iPhone saves one) of the upright scene, with EXIF and a GPS position."""
    import pillow_heif

    image = Image.fromarray(scene(width, height))
    heif = pillow_heif.from_pillow(image)
    buf = io.BytesIO()
    heif.save(buf, quality=80, exif=phone_exif(1).tobytes())
    return buf.getvalue()


def webp_photo(width: int = 640, height: int = 480, orientation: int = 1) -> bytes:
    """A lossy WebP photo with EXIF (orientation, GPS) and XMP."""
    image = Image.fromarray(stored(scene(width, height), orientation))
    buf = io.BytesIO()
    image.save(buf, format="WEBP", quality=85, exif=phone_exif(orientation).tobytes(), xmp=XMP)
    return buf.getvalue()


def png_picture(width: int = 400, height: int = 300, *, photo: bool = False, alpha: bool = False,
                text: bool = True) -> bytes:
    """A PNG: a diagram of few colours (or a photo), optionally with transparency, with text chunks,
    an eXIf chunk (GPS) and an ICC profile of sRGB."""
    from PIL import ImageCms

    pixels = scene(width, height, noise=photo)
    if not photo:
        pixels = (pixels // 64 * 64).astype(np.uint8)  # few flat colours, as a drawing has
    image = Image.fromarray(pixels)
    if alpha:
        mask = np.full((height, width), 255, np.uint8)
        mask[height // 2 :, : width // 2] = 0
        image.putalpha(Image.fromarray(mask))
    info = PngImagePlugin.PngInfo()
    if text:
        info.add_text("Author", "Anna Andersson, Länsstyrelsen")
        info.add_text("Comment", "Taget vid Storgatan 3", zip=True)
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    buf = io.BytesIO()
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(buf, format="PNG", pnginfo=info, exif=phone_exif(1).tobytes(), icc_profile=icc)
    return buf.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header says `width` × `height` pixels, with a tiny (damaged) body: a decompression bomb's shape."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def cmyk_jpeg(width: int = 320, height: int = 240) -> bytes:
    """A CMYK JPEG (as print workflows save them): cyan on the left half, magenta+yellow (red) on the right."""
    pixels = np.zeros((height, width, 4), np.uint8)
    pixels[:, : width // 2] = (255, 0, 0, 0)
    pixels[:, width // 2 :] = (0, 255, 255, 0)
    buf = io.BytesIO()
    Image.fromarray(pixels, "CMYK").save(buf, format="JPEG", quality=95)
    return buf.getvalue()


# --- an ICC profile whose red and green primaries are swapped: its red is sRGB's green

def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ " + bytes(4) + _s15(x) + _s15(y) + _s15(z)


def swapped_profile() -> bytes:
    """An ICC v2 RGB profile (matrix and gamma 2.2 curves) whose red primary is sRGB's green and whose
    green is sRGB's red: a pure red pixel in it is green in sRGB."""
    red, green, blue = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)  # sRGB, D50
    curve = b"curv" + bytes(4) + struct.pack(">I", 1) + struct.pack(">H", round(2.2 * 256)) + bytes(2)
    desc_text = b"Swapped red and green\x00"
    desc = b"desc" + bytes(4) + struct.pack(">I", len(desc_text)) + desc_text + bytes(4 + 2 + 1 + 67)
    tags = [
        (b"desc", desc), (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(*green)), (b"gXYZ", _xyz(*red)), (b"bXYZ", _xyz(*blue)),
        (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve), (b"cprt", b"text" + bytes(4) + b"none\x00\x00\x00\x00"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, data in tags:
        while len(data) % 4:
            data += b"\x00"
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = (struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntrRGB XYZ "
              + struct.pack(">6H", 2016, 1, 1, 0, 0, 0) + b"acsp" + b"APPL" + bytes(4) + bytes(4) + bytes(4)
              + bytes(8) + bytes(4) + _s15(0.9642) + _s15(1.0) + _s15(0.8249) + b"lcms" + bytes(44))
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body


# --- what a picture file carries

def jpeg_segments(data: bytes) -> list[tuple[int, bytes]]:
    """The marker segments of a JPEG before its picture data: (marker, first bytes of the segment)."""
    assert data[:2] == b"\xff\xd8"
    pos, out = 2, []
    while pos < len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the picture data follows
            out.append((marker, b""))
            break
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        out.append((marker, data[pos + 4 : pos + 4 + min(length - 2, 32)]))
        pos += 2 + length
    return out


def png_chunks(data: bytes) -> list[bytes]:
    """The chunk types of a PNG, in order."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, out = 8, []
    while pos < len(data):
        length = struct.unpack(">I", data[pos : pos + 4])[0]
        out.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return out


def metadata_in(data: bytes) -> list[str]:
    """Every kind of metadata an embedded picture (JPEG or PNG) carries: empty when it carries none."""
    if data[:2] == b"\xff\xd8":
        names = {0xE1: "EXIF or XMP (APP1)", 0xE2: "ICC profile (APP2)", 0xED: "IPTC (APP13)", 0xFE: "comment"}
        found = [names.get(m, f"APP{m - 0xE0}") for m, head in jpeg_segments(data)
                 if m in names or (0xE1 <= m <= 0xEF)]
        for marker, head in jpeg_segments(data):
            if marker == 0xE0 and not head.startswith(b"JFIF\x00"):
                found.append("APP0 other than JFIF")
        return found
    allowed = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
    return [c.decode() for c in png_chunks(data) if c not in allowed]


def colour_at(image: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    """The RGB colour at a point given as fractions of the picture's width and height."""
    rgb = image.convert("RGB")
    px = rgb.getpixel((min(rgb.width - 1, int(x * rgb.width)), min(rgb.height - 1, int(y * rgb.height))))
    assert isinstance(px, tuple)
    return px[0], px[1], px[2]


def near(colour: tuple[int, int, int], target: tuple[int, int, int], tolerance: int = 40) -> bool:
    """Whether two colours are within `tolerance` in each channel."""
    return all(abs(a - b) <= tolerance for a, b in zip(colour, target))
