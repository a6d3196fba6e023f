"""`--theme-from-template`: a theme folder from the original, its masters and layouts as template.pptx, colours and
fonts from its theme part (made to pass slidegen's contrast rules), the layout mapping guessed from layout types."""

from __future__ import annotations

import io
from typing import Any

from pptx.oxml.ns import qn

from slidegen.colour import contrast, luminance
from slidegen.commands.importer.source import SourceDeck

ROLES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "content": ("obj", "tx"),
    "title_only": ("titleOnly",),
    "picture": ("picTx",),
    "two_content": ("twoObj", "twoTxTwoObj"),
}
"""The layout types (`p:sldLayout/@type`) that serve each role of the theme's `template: layouts:`, best first."""

_SLIDE_RELS = ("/slide", "/vbaProject")
_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


def theme_files(prs: Any, deck: SourceDeck, name: str) -> tuple[dict[str, bytes], list[str]]:
    """themes/<name>/: theme.yaml and template.pptx, and lines saying what was guessed."""
    layouts = _layout_names(prs)
    mapping = {role: next((layouts[t] for t in types if t in layouts), None) for role, types in ROLES.items()}
    scheme, fonts, background = _theme_part(prs)
    colours, adjusted = theme_colours(scheme, background)
    lines = [f"theme {name}: layouts " + ", ".join(f"{role} = {layout!r}" for role, layout in mapping.items() if layout)]
    missing = [role for role, layout in mapping.items() if layout is None and role in ("title", "content", "title_only")]
    if missing:
        lines.append(f"theme {name}: no layout of the type slidegen uses for {', '.join(missing)}; "
                     "name one under template: layouts: in theme.yaml")
    if adjusted:
        lines.append(f"theme {name}: {', '.join(adjusted)} made darker or lighter than the file's colours, to contrast enough")
    text = _theme_yaml(name, deck, mapping, colours, adjusted, fonts)
    return {"theme.yaml": text.encode("utf-8"), "template.pptx": template_bytes(prs)}, lines


def _layout_names(prs: Any) -> dict[str, str]:
    """Layout type → the name of the first layout of that type (the first master's first)."""
    out: dict[str, str] = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            kind = layout._element.get("type", "cust")
            out.setdefault(kind, layout.name)
    return out


def _theme_part(prs: Any) -> tuple[dict[str, str], dict[str, str], str | None]:
    """The first master's colour scheme (`dk1` → `#RRGGBB` …), fonts (`title`, `body`) and plain background."""
    from lxml import etree

    from slidegen.load.template import master_background

    master = prs.slide_masters[0]
    part = next(rel.target_part for rel in master.part.rels.values() if rel.reltype == _THEME)
    theme = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    scheme: dict[str, str] = {}
    for slot in theme.find(f".//{qn('a:clrScheme')}") if theme.find(f".//{qn('a:clrScheme')}") is not None else []:
        value = slot[0].get("val") if len(slot) and slot[0].tag == qn("a:srgbClr") else (
            slot[0].get("lastClr") if len(slot) else None)
        if value and len(value) == 6:
            scheme[slot.tag.rsplit("}", 1)[-1]] = f"#{value.upper()}"
    fonts = {}
    for key, which in (("title", "a:majorFont"), ("body", "a:minorFont")):
        latin = theme.find(f".//{qn('a:fontScheme')}/{qn(which)}/{qn('a:latin')}")
        if latin is not None and latin.get("typeface") and not latin.get("typeface", "").startswith("+"):
            fonts[key] = latin.get("typeface")
    return scheme, fonts, master_background(master._element, theme)


def _mix(colour: str, toward: str, share: float) -> str:
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(toward[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b))


def _against(colour: str, background: str, minimum: float) -> str:
    """The colour, or the least darker (on light backgrounds) or lighter version of it that contrasts enough."""
    if contrast(colour, background) >= minimum:
        return colour
    toward = "#000000" if luminance(background) > 0.18 else "#FFFFFF"
    for step in range(1, 101):
        candidate = _mix(colour, toward, step / 100)
        if contrast(candidate, background) >= minimum:
            return candidate
    return toward


def _at_luminance(colour: str, target: float) -> str:
    """The colour's hue made as light as `target` (relative luminance), by mixing it with black or white."""
    toward = "#000000" if luminance(colour) > target else "#FFFFFF"
    low, high = 0.0, 1.0
    for _ in range(30):
        mid = (low + high) / 2
        if (luminance(_mix(colour, toward, mid)) > target) == (toward == "#000000"):
            low = mid
        else:
            high = mid
    return _mix(colour, toward, high)


def theme_colours(scheme: dict[str, str], background: str | None) -> tuple[dict[str, Any], list[str]]:
    """slidegen's colours from a colour scheme: text dk1, titles dk2, accent accent1 on the master's background
    (else lt1); chart segments in the accents' hues, as dark and light as the contrast rules need. Returns the
    colours and the names of those that had to be changed from the file's."""
    bg = background or scheme.get("lt1", "#FFFFFF")
    light = luminance(bg) > 0.18
    text_default = "#000000" if light else "#FFFFFF"
    wanted = {
        "text": scheme.get("dk1" if light else "lt1", text_default),
        "title": scheme.get("dk2" if light else "lt2", scheme.get("dk1", text_default)),
        "accent": scheme.get("accent1", text_default),
    }
    out: dict[str, Any] = {"background": bg}
    adjusted = []
    for key, value in wanted.items():
        out[key] = _against(value, bg, 4.5)
        if out[key] != value:
            adjusted.append(key)
    out["muted"] = _against(_mix(out["text"], bg, 0.3), bg, 4.5)
    header = _against(scheme.get("accent1", out["title"]), "#FFFFFF" if light else "#000000", 4.5)
    out["table_header"] = header
    out["table_header_text"] = "#FFFFFF" if contrast("#FFFFFF", header) >= contrast("#000000", header) else "#000000"
    out["table_row"] = bg
    out["table_row_alt"] = _mix(bg, header, 0.08)
    out["table_text"] = _against(out["text"], out["table_row_alt"], 4.5)
    # segments alternate dark and middle (as the shipped themes do): each 3:1 on the background and next to its neighbour
    dark, middle = (0.03, 0.26) if light else (0.55, 0.18)
    hues = [scheme.get(k, "#1F4E79") for k in ("accent1", "accent2", "dk2", "accent3", "accent4", "accent5")]
    out["chart"] = {
        "done": _at_luminance(hues[0], dark),
        "ongoing": _at_luminance(hues[1], middle),
        "not_relevant": _at_luminance(hues[2], dark),
        "missing": _at_luminance("#808080", middle),
    }
    return out, adjusted


def _theme_yaml(name: str, deck: SourceDeck, layouts: dict[str, str | None], colours: dict[str, Any],
                adjusted: list[str], fonts: dict[str, str]) -> str:
    from slidegen.commands.importer.yaml_out import scalar

    def q(value: Any) -> str:
        return scalar(value)

    lines = [
        "# yaml-language-server: $schema=../../content/schema/theme.schema.json",
        "# Made by `slidegen import --theme-from-template`: template.pptx holds the original's masters and layouts",
        "# (without its slides), and the decks take its slide size; colours and fonts come from its theme part.",
        "# Check it: slidegen check-theme " + name,
        f"name: {q(name)}",
        f"description: {q('Från ' + (deck.title or name) + ' (mallens layouter, färger och typsnitt).')}",
    ]
    named = [(role, layout) for role, layout in layouts.items() if layout is not None]
    lines += ["template:", "  file: template.pptx"]
    if named:
        lines.append("  layouts:                # slidegen's slide kinds → the template's layouts")
        lines += [f"    {role}: {q(layout)}" for role, layout in named]
    else:  # an empty mapping, not `layouts:` with nothing under it (that is no mapping at all)
        lines.append("  layouts: {}             # TODO: name the layouts for title, content and title_only "
                     "(check-theme lists them)")
    lines.append("fonts:")
    for key in ("title", "body"):
        lines.append(f"  {key}: {q(fonts.get(key, 'Calibri'))}" + ("" if key in fonts else "  # the template names none"))
    if deck.footers:
        lines += ["footer:", f"  text: {q(deck.footers[0])}  # the original slides' footer"]
    lines.append("colours:")
    for key, value in colours.items():
        if isinstance(value, dict):
            lines.append(f"  {key}:  # dark and middle in the template's accent colours, so neighbours contrast")
            lines += [f'    {k}: "{v}"' for k, v in value.items()]
        else:
            note = "  # darker or lighter than the template's, to contrast enough" if key in adjusted else ""
            lines.append(f'  {key}: "{value}"{note}')
    return "\n".join(lines) + "\n"


def template_bytes(prs: Any) -> bytes:
    """The presentation without its slides (their parts, notes and media go with them) and without macros:
    the masters, layouts and theme that template.pptx is."""
    from pptx.opc.constants import CONTENT_TYPE as CT

    from slidegen.output.files import normalise_zip
    from slidegen.stamp import EPOCH

    pres = prs.part._element
    ids = pres.find(qn("p:sldIdLst"))
    for sld in list(ids) if ids is not None else []:
        prs.part.drop_rel(sld.get(qn("r:id")))
        ids.remove(sld)
    for rid, rel in list(prs.part.rels.items()):
        if rel.reltype.endswith(_SLIDE_RELS):
            prs.part.drop_rel(rid)
    for el in list(pres.iter(qn("p:custShowLst"))):
        el.getparent().remove(el)
    for ext in list(pres.iter(qn("p:ext"))):
        if any(child.tag.endswith("}sectionLst") for child in ext):
            ext.getparent().remove(ext)
    prs.part._content_type = CT.PML_PRESENTATION_MAIN
    buf = io.BytesIO()
    prs.save(buf)
    return normalise_zip(buf.getvalue(), EPOCH)
