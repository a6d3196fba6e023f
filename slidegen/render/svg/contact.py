"""The contact sheet of a deck's SVG slides: one HTML page showing every slide in reading order."""

from __future__ import annotations

from html import escape
from typing import Sequence

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
  body {{ margin: 0; padding: 1rem 1.5rem 2rem; background: #8A9299; color: #fff;
         font: 15px/1.4 system-ui, "Segoe UI", Carlito, Calibri, sans-serif; }}
  h1 {{ margin: 0 0 1rem; font-size: 1.3rem; font-weight: 600; }}
  ol {{ list-style: none; margin: 0; padding: 0; display: grid; gap: 12px;
       grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); }}
  figure {{ margin: 0; background: #fff; color: #1F2933; }}
  img {{ display: block; width: 100%; height: auto; }}
  figcaption {{ padding: .35rem .6rem; font-size: .85rem; }}
</style>
</head>
<body>
<h1>{title}</h1>
<ol>
{items}
</ol>
</body>
</html>
"""


def contact_page(title: str, lang: str, slides: Sequence[tuple[str, str]], width: int, height: int) -> bytes:
    """The page: `slides` are (the picture's address relative to the page, the slide's title)."""
    items = "\n".join(
        f'<li><figure><img src="{escape(src)}" alt="{escape(name)}" width="{width}" height="{height}">'
        f"<figcaption>{n}. {escape(name)}</figcaption></figure></li>"
        for n, (src, name) in enumerate(slides, start=1)
    )
    return PAGE.format(lang=escape(lang.split("-")[0]), title=escape(title), items=items).encode("utf-8")
