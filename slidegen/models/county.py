"""Sweden's 21 counties in official order (by county letter), and reading a county name as written."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class County:
    """A county (län) and its county administrative board (länsstyrelse)."""

    code: str
    name: str
    county: str

    @property
    def slug(self) -> str:
        """A file-name form of the name: `Västra Götaland` → `vastra-gotaland`."""
        return fold(self.name).replace(" ", "-")


COUNTIES: tuple[County, ...] = (
    County("AB", "Stockholm", "Stockholms län"),
    County("C", "Uppsala", "Uppsala län"),
    County("D", "Södermanland", "Södermanlands län"),
    County("E", "Östergötland", "Östergötlands län"),
    County("F", "Jönköping", "Jönköpings län"),
    County("G", "Kronoberg", "Kronobergs län"),
    County("H", "Kalmar", "Kalmar län"),
    County("I", "Gotland", "Gotlands län"),
    County("K", "Blekinge", "Blekinge län"),
    County("M", "Skåne", "Skåne län"),
    County("N", "Halland", "Hallands län"),
    County("O", "Västra Götaland", "Västra Götalands län"),
    County("S", "Värmland", "Värmlands län"),
    County("T", "Örebro", "Örebro län"),
    County("U", "Västmanland", "Västmanlands län"),
    County("W", "Dalarna", "Dalarnas län"),
    County("X", "Gävleborg", "Gävleborgs län"),
    County("Y", "Västernorrland", "Västernorrlands län"),
    County("Z", "Jämtland", "Jämtlands län"),
    County("AC", "Västerbotten", "Västerbottens län"),
    County("BD", "Norrbotten", "Norrbottens län"),
)
"""The counties in the official order of their letters, AB Stockholm … BD Norrbotten."""


def fold(text: str) -> str:
    """Lower case without accents and extra spaces, for file names: `Skåne  län` → `skane lan`."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _key(text: str) -> str:
    """Case and spacing ignored, letters kept: `Skane` is not `Skåne`."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _forms(c: County) -> list[str]:
    return [c.name, c.county, c.code, f"Länsstyrelsen i {c.county}", f"Länsstyrelsen i {c.name}", f"Länsstyrelsen {c.name}"]


_BY_FORM: dict[str, County] = {_key(form): c for c in COUNTIES for form in _forms(c)}


def find_county(text: str) -> County | None:
    """The county a name stands for: `Skåne`, `Skåne län`, `M`, `Länsstyrelsen i Skåne`, `Länsstyrelsen Skåne` (any case)."""
    return _BY_FORM.get(_key(text))


def county_names() -> list[str]:
    """The names to suggest from when a county is misspelled."""
    return [c.name for c in COUNTIES] + [c.county for c in COUNTIES]


def order(name: str) -> int:
    """A county's place in the official order, by its canonical name (`Skåne` → 9)."""
    return _ORDER[name]


_ORDER = {c.name: i for i, c in enumerate(COUNTIES)}
