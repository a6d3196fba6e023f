"""A 50-slide .pptx for the import benchmark, as a coordinator's old deck looks: bullets with notes, phone photos
(EXIF-turned JPEGs), screenshots (PNG), tables and a column chart.

    python bench/importdeck.py OUT.pptx [SLIDES]
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Cm

COUNTIES = ["Stockholm", "Uppsala", "Södermanland", "Östergötland", "Jönköping", "Kronoberg", "Kalmar", "Gotland"]
BULLETS = [
    "Miljömålen är en del av verksamhetsplaneringen på länsstyrelsen.",
    "Samordnaren stödjer enheterna när de tar fram sina mål och aktiviteter.",
    "Uppföljningen sker två gånger per år och redovisas i ledningsgruppen.",
    "Kommunerna får stöd genom nätverk, kurser och regionala dialoger.",
]


def photo(seed: int) -> bytes:
    """A 2000 × 1500 phone photo (noise, so it compresses like one), stored turned with EXIF orientation 6."""
    rnd = random.Random(seed)
    small = Image.new("RGB", (200, 150))
    small.putdata([(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)) for _ in range(200 * 150)])
    image = small.resize((2000, 1500), Image.BILINEAR)
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=85, exif=exif)
    return buf.getvalue()


def screenshot(seed: int) -> bytes:
    """A 1280 × 800 screenshot-like PNG: flat colours and boxes."""
    image = Image.new("RGB", (1280, 800), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    rnd = random.Random(seed)
    for _ in range(30):
        x, y = rnd.randrange(1200), rnd.randrange(760)
        draw.rectangle((x, y, x + rnd.randrange(20, 300), y + rnd.randrange(10, 80)), fill=(rnd.randrange(256), 90, 140))
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def make(path: Path, slides: int = 50) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Cm(33.867), Cm(19.05)
    title = prs.slides.add_slide(prs.slide_layouts[0])
    title.shapes.title.text = "Nätverksträff för miljömålssamordnare"
    title.placeholders[1].text = "Länsstyrelserna, 14 mars 2017"
    for i in range(1, slides):
        kind = i % 5
        if kind in (1, 3):
            s = prs.slides.add_slide(prs.slide_layouts[1])
            s.shapes.title.text = f"Punkt {i}: så arbetar länet"
            tf = s.placeholders[1].text_frame
            for k in range(4):
                p = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
                p.text = BULLETS[(i + k) % len(BULLETS)]
                p.level = k % 2
            s.notes_slide.notes_text_frame.text = f"Talarstöd för bild {i}."
        elif kind == 2:
            s = prs.slides.add_slide(prs.slide_layouts[5])
            s.shapes.title.text = f"Foto {i} från länet"
            data = photo(i) if i % 2 else screenshot(i)
            pic = s.shapes.add_picture(io.BytesIO(data), Cm(2), Cm(4), Cm(20))
            pic._element.nvPicPr.cNvPr.set("descr", f"Bild {i} från en träff i länet")
        elif kind == 4 and i % 10 == 4:
            s = prs.slides.add_slide(prs.slide_layouts[5])
            s.shapes.title.text = f"Goda exempel per län ({i})"
            data = CategoryChartData()
            data.categories = COUNTIES
            data.add_series("2016", [k % 4 for k in range(len(COUNTIES))])
            data.add_series("2017", [(k + i) % 5 for k in range(len(COUNTIES))])
            s.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Cm(2), Cm(4), Cm(28), Cm(13), data)
        else:
            s = prs.slides.add_slide(prs.slide_layouts[5])
            s.shapes.title.text = f"Budget {i} (tkr)"
            table = s.shapes.add_table(6, 4, Cm(2), Cm(4), Cm(28), Cm(9)).table
            for r in range(6):
                for c in range(4):
                    table.cell(r, c).text = ("Post", "2016", "2017", "Förändring")[c] if r == 0 else (
                        f"Post {r}" if c == 0 else f"{(r * 137 + c * 11) % 2000:,}".replace(",", " "))
    prs.save(str(path))
    return path


if __name__ == "__main__":
    out = make(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 50)
    print(out)
