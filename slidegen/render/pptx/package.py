"""Adding parts in constant time: python-pptx's own numbering, without its rescans of the whole package.

python-pptx 1.0 numbers each new part by looking at every part there is: a notes slide, chart
or chart workbook gets its name from `OpcPackage.next_partname`, which walks every relationship
of the package; a picture is looked up by its hash and named by two more such walks; a new
slide's id is the largest of all earlier ids (`CT_SlideIdList._next_id`), and its relationship
is added after checking all of the presentation's relationships for an equal one
(`_Relationships._get_matching`). Each step is linear in the deck so far, so a deck is
quadratic: at 1,000 slides these scans were 40 % of the render (see docs/benchmarks.md).

`count_parts` gives one presentation object (never python-pptx's classes) versions of
`next_partname`, `next_image_partname` and `get_or_add_image_part` that scan the package once
and then remember the names and pictures they hand out; they choose the very numbers python-pptx
would. `add_slide` is `prs.slides.add_slide` with the next id taken from the last slide (slidegen
only appends, so the last id is the largest) and the relationship added without the search for
an equal one (a new slide has none). tests/render/test_package.py checks the decks are byte for
byte what python-pptx writes.

`save` writes the package as `prs.save` does, except that JPEG pictures are stored rather than
deflated: they do not get smaller, and deflating them was most of the time a deck of photos took
to write.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter, _ZipPkgWriter
from pptx.parts.image import Image, ImagePart
from pptx.parts.slide import SlidePart
from pptx.presentation import Presentation
from pptx.slide import Slide, SlideLayout

FIRST_SLIDE_ID = 256
"""python-pptx's (and PowerPoint's) first slide id."""


class _Numbering:
    """The part names and pictures of one package, scanned once and then kept up to date."""

    def __init__(self, package: Any) -> None:
        self._package = package
        self._names: dict[str, set[str]] = {}
        self._image_numbers: set[int] | None = None
        self._images: dict[str, ImagePart] | None = None

    def next_partname(self, tmpl: str) -> PackURI:
        """OpcPackage.next_partname: counting down from one more than the names sharing the prefix."""
        prefix = tmpl[: (tmpl % 42).find("42")]
        used = self._names.get(prefix)
        if used is None:
            used = self._names[prefix] = {str(p.partname) for p in self._package.iter_parts()
                                          if p.partname.startswith(prefix)}
        for n in range(len(used) + 1, 0, -1):
            name = tmpl % n
            if name not in used:
                used.add(name)
                return PackURI(name)
        raise AssertionError("one of len(used) + 1 numbers is free")

    def next_image_partname(self, ext: str) -> PackURI:
        """Package.next_image_partname: /ppt/media/imageN.ext with the smallest N not in use."""
        if self._image_numbers is None:
            self._image_numbers = {p.partname.idx for p in self._package.iter_parts()
                                   if p.partname.startswith("/ppt/media/image") and p.partname.idx is not None}
        n = 1
        while n in self._image_numbers:
            n += 1
        self._image_numbers.add(n)
        return PackURI(f"/ppt/media/image{n}.{ext}")

    def get_or_add_image_part(self, image_file: Any) -> ImagePart:
        """Package.get_or_add_image_part: the part already holding these bytes, else a new one."""
        if self._images is None:
            self._images = {}
            for part in self._package.iter_parts():
                if isinstance(part, ImagePart):
                    self._images.setdefault(part.sha1, part)
        image = Image.from_file(image_file)
        part = self._images.get(image.sha1)
        if part is None:
            part = self._images[image.sha1] = ImagePart.new(self._package, image)
        return part


def count_parts(prs: Presentation) -> None:
    """Let this presentation's package number new parts from what it remembers instead of rescanning."""
    package = prs.part.package
    numbering = _Numbering(package)
    package.next_partname = numbering.next_partname
    package.next_image_partname = numbering.next_image_partname
    package.get_or_add_image_part = numbering.get_or_add_image_part


def add_slide(prs: Presentation, layout: SlideLayout) -> Slide:
    """`prs.slides.add_slide(layout)` in constant time: the same slide, id and relationship."""
    part = prs.part
    sldIdLst = part._element.get_or_add_sldIdLst()
    slide_part = SlidePart.new(PackURI(f"/ppt/slides/slide{len(sldIdLst) + 1}.xml"), part.package, layout.part)
    rId = part.rels._add_relationship(RT.SLIDE, slide_part)
    slide = slide_part.slide
    slide.shapes.clone_layout_placeholders(layout)
    last = sldIdLst[-1] if len(sldIdLst) else None
    sldIdLst._add_sldId(id=FIRST_SLIDE_ID if last is None else int(last.get("id")) + 1, rId=rId)
    return slide


STORED = {"jpg", "jpeg"}
"""Extensions of the parts written without compression (already compressed pictures)."""


class _StoringZipWriter(_ZipPkgWriter):
    """python-pptx's zip writer, with STORED parts written as they are."""

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        stored = pack_uri.ext.lower() in STORED
        self._zipf.writestr(pack_uri.membername, blob, compress_type=zipfile.ZIP_STORED if stored else None)


def save(prs: Presentation) -> bytes:
    """The presentation as .pptx bytes: what `prs.save` writes, with JPEG pictures stored, not deflated."""
    package = prs.part.package
    buf = io.BytesIO()
    writer = PackageWriter(buf, package._rels, tuple(package.iter_parts()))
    with _StoringZipWriter(buf) as phys:
        writer._write_content_types_stream(phys)
        writer._write_pkg_rels(phys)
        writer._write_parts(phys)
    return buf.getvalue()
