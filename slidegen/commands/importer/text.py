"""Text as a slide shows it, read from DrawingML: paragraphs with levels, line breaks and automatic numbers written out."""

from __future__ import annotations

from typing import Any

from pptx.oxml.ns import qn

from slidegen.commands.importer.source import Para

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
ALTERNATE = f"{{{_MC}}}AlternateContent"
FALLBACK = f"{{{_MC}}}Fallback"
CHOICE = f"{{{_MC}}}Choice"

_R, _BR, _FLD, _T = qn("a:r"), qn("a:br"), qn("a:fld"), qn("a:t")


def alternative(el: Any) -> Any | None:
    """What a reader that knows no extensions shows of `mc:AlternateContent`: its fallback, else its first choice."""
    fallback = el.find(FALLBACK)
    return fallback if fallback is not None else el.find(CHOICE)


def runs_text(p: Any) -> str:
    """A paragraph's text: runs and fields as written, `\\n` for each line break, tabs as spaces."""
    parts: list[str] = []
    for child in p:
        if child.tag in (_R, _FLD):
            t = child.find(_T)
            parts.append(t.text or "" if t is not None else "")
        elif child.tag == _BR:
            parts.append("\n")
        elif child.tag == ALTERNATE:
            chosen = alternative(child)
            if chosen is not None:
                parts.append(runs_text(chosen))
    return "".join(parts).replace("\t", " ")


def only_fields(tx_body: Any) -> bool:
    """Whether the text consists of fields alone (a slide number, a date): chrome, not content."""
    has_field = False
    for p in tx_body.iterchildren(qn("a:p")):
        for child in p:
            if child.tag == _FLD:
                has_field = True
            elif child.tag == _R:
                t = child.find(_T)
                if t is not None and (t.text or "").strip():
                    return False
    return has_field


_FORMS = {
    "Period": "{}.", "ParenR": "{})", "ParenBoth": "({})", "Plain": "{}", "Minus": "- {} -",
}


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def _alpha(n: int) -> str:
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


_STYLES = {
    "arabic": str,
    "alphaLc": _alpha,
    "alphaUc": lambda n: _alpha(n).upper(),
    "romanLc": _roman,
    "romanUc": lambda n: _roman(n).upper(),
}


def number_label(scheme: str, n: int) -> str:
    """An automatic number as PowerPoint shows it: `arabicPeriod` 3 → `3.`, `alphaLcParenR` 2 → `b)`."""
    for style, write in _STYLES.items():
        if scheme.startswith(style):
            form = _FORMS.get(scheme[len(style):], "{}.")
            return form.format(write(max(n, 1)))
    return f"{n}."


def paragraphs(tx_body: Any) -> list[Para]:
    """The non-empty paragraphs of a text body, with their levels; automatic numbers are written into the text.

    Numbering counts on over the paragraphs of one level and restarts after an unnumbered
    paragraph of that level or a shallower one, as PowerPoint counts.
    """
    out: list[Para] = []
    counters: dict[int, tuple[str, int]] = {}
    for p in tx_body.iterchildren(qn("a:p")):
        ppr = p.find(qn("a:pPr"))
        level = min(int(ppr.get("lvl", "0")), 8) if ppr is not None else 0
        text = runs_text(p).strip(" ")
        if not text.strip():
            continue
        auto = ppr.find(qn("a:buAutoNum")) if ppr is not None else None
        for deeper in [lv for lv in counters if lv > level or (auto is None and lv == level)]:
            del counters[deeper]
        if auto is not None:
            scheme = auto.get("type", "arabicPeriod")
            prev = counters.get(level)
            n = prev[1] + 1 if prev and prev[0] == scheme else int(auto.get("startAt", "1"))
            counters[level] = (scheme, n)
            text = f"{number_label(scheme, n)} {text}"
        out.append(Para(text.strip(), level))
    return out


def plain(tx_body: Any) -> str:
    """The text of a body (a chart title, a cell): its paragraphs joined by line breaks."""
    return "\n".join(p.text for p in paragraphs(tx_body))
