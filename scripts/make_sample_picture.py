"""Draw content/bilder/exempelbild.png: a made-up sketch used by the sample example (a clear sample, no real data).

Usage: python scripts/make_sample_picture.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "content" / "bilder" / "exempelbild.png"


def font(size: int) -> ImageFont.ImageFont:
    try:
        import matplotlib

        path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        return ImageFont.truetype(str(path), size)
    except (ImportError, OSError):
        return ImageFont.load_default()


def main() -> None:
    w, h = 900, 700
    img = Image.new("RGB", (w, h), "#F4F7F9")
    d = ImageDraw.Draw(img)
    cx, cy, r = w // 2, h // 2 + 20, 180
    d.ellipse((cx - 120, cy - 120, cx + 120, cy + 120), fill="#D5E3EA", outline="#1A5A78", width=4)
    d.text((cx, cy), "Klimatrådet", fill="#0B3B5B", font=font(34), anchor="mm")
    for i, label in enumerate(["Kommunerna", "Regionen", "Företagen", "Länsstyrelsen"]):
        a = math.pi / 2 + i * math.pi / 2
        x, y = cx + r * 1.45 * math.cos(a), cy - r * 1.2 * math.sin(a)
        d.rounded_rectangle((x - 135, y - 38, x + 135, y + 38), radius=18, fill="#1A5A78")
        d.text((x, y), label, fill="#FFFFFF", font=font(30), anchor="mm")
    d.text((w // 2, 40), "Påhittad exempelbild", fill="#4A5560", font=font(30), anchor="mm")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    img.save(OUT, format="PNG", optimize=True)
    print(OUT)


if __name__ == "__main__":
    main()
