"""Document properties from the deck (core and extended), none of the template's leftovers."""

from __future__ import annotations

from xml.sax.saxutils import escape

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation

from slidegen import __version__
from slidegen.plan.model import DeckPlan

APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<TotalTime>0</TotalTime><Application>slidegen {version}</Application>"
    "<PresentationFormat>{format}</PresentationFormat><Slides>{slides}</Slides><Notes>{notes}</Notes>"
    "<HiddenSlides>0</HiddenSlides><MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>"
    "<Company>{company}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>"
)


def set_properties(prs: Presentation, plan: DeckPlan) -> None:
    """Title, subject, author, keywords, language and dates from the plan; app.xml rewritten."""
    props = plan.properties
    cp = prs.core_properties
    created = props.created
    cp.title = props.title
    cp.subject = props.subject
    cp.author = props.author
    cp.keywords = props.keywords
    cp.language = props.language
    cp.comments = ""
    cp.category = ""
    cp.last_modified_by = props.author
    cp.revision = 1
    cp.created = created
    cp.modified = created
    widescreen = plan.width * 9 == plan.height * 16
    app = APP_XML.format(
        version=__version__,
        format="Bredbild (16:9)" if widescreen else "Bildspel på skärmen (4:3)",
        slides=len(plan.slides),
        notes=sum(1 for s in plan.slides if s.notes),
        company=escape(props.company),
    )
    package = prs.part.package
    for rel in package.iter_rels():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app.encode("utf-8")
    set_language(prs, props.language)


LANG_TAGS = tuple(qn(t) for t in ("a:rPr", "a:defRPr", "a:endParaRPr"))


RUN_TAGS = (qn("a:r"), qn("a:fld"))


def set_language(prs: Presentation, lang: str) -> None:
    """Every text run and text property in every part (slides, masters, layouts, notes, charts) says the
    deck's language; runs written without properties (speaker notes) get them."""
    for part in prs.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None:
            continue
        for run in element.iter(*RUN_TAGS):
            if run.find(qn("a:rPr")) is None:
                run.insert(0, etree.Element(qn("a:rPr")))
        for el in element.iter(*LANG_TAGS):
            el.set("lang", lang)
