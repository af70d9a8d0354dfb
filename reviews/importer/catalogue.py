"""What pasted names are matched against: the known outlets, experts and sections.

The parser never queries the database itself: it asks a `Catalogue`. `Catalogue.from_database()`
is what the admin and the commands use (experts are looked up with `moderation.find_expert`,
the same rule as everywhere else); `Catalogue.from_records()` builds one from plain data, for
the evaluation of the parser against the invented reviews in `tests/data/import/`.

Matching ignores case, accents and a leading "The": "BALTIC LANTERN", "the Baltic Lantern" and
"Baltic Lantern" all name the outlet "The Baltic Lantern", and "Diario" names "Diário" even
without an alias. A spelling that differs by a letter or two (rapidfuzz) is matched too, but
reported as uncertain so that the editor checks it.
"""

# The rules match typographic quotes, dashes and separators on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..moderation import normalise_name

# Letters that do not decompose into a base letter and an accent.
_FOLD_EXTRA = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l", "’": "'", "‘": "'"}

# How close a spelling must be (0-100) to count as the same name.
OUTLET_SIMILARITY = 90
EXPERT_SIMILARITY = 92


def fold_char(char: str) -> str:
    """One character without case or accent, still one character (offsets stay valid)."""
    lowered = char.lower()
    if len(lowered) != 1:
        lowered = char
    if lowered in _FOLD_EXTRA:
        return _FOLD_EXTRA[lowered]
    return unicodedata.normalize("NFKD", lowered)[:1] or lowered


def fold(text: str) -> str:
    """`text` without case and accents, character for character: fold("Wiślany") == "wislany"."""
    return "".join(fold_char(char) for char in text)


def key(name: str) -> str:
    """The form under which two spellings of a name count as the same."""
    return fold(normalise_name(name))


def without_article(folded: str) -> str:
    return folded[4:] if folded.startswith("the ") else folded


@dataclass(frozen=True)
class KnownOutlet:
    id: int | None
    name: str
    aliases: tuple[str, ...] = ()
    country: str = ""
    language: str = ""

    def spellings(self) -> set[str]:
        """Every folded spelling that names this outlet, with and without a leading "the"."""
        found = set()
        for spelling in (self.name, *self.aliases):
            folded = key(spelling)
            if folded:
                found |= {folded, without_article(folded), f"the {without_article(folded)}"}
        return found


@dataclass(frozen=True)
class KnownExpert:
    id: int | None
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownSection:
    id: int | None
    name: str


@dataclass(frozen=True)
class Match:
    """A name in the text matched to a known record; `how` is "name", "alias" or "similar"."""

    record: KnownOutlet | KnownExpert
    how: str


@dataclass
class Catalogue:
    outlets: list[KnownOutlet] = field(default_factory=list)
    experts: list[KnownExpert] = field(default_factory=list)
    sections: list[KnownSection] = field(default_factory=list)
    # Looks an expert up by exact name or alias; the database catalogue uses find_expert.
    exact_expert: Callable[[str], KnownExpert | None] | None = None

    def __post_init__(self):
        self._outlet_by_spelling: dict[str, KnownOutlet] = {}
        for outlet in self.outlets:
            for spelling in outlet.spellings():
                self._outlet_by_spelling.setdefault(spelling, outlet)
        spellings = sorted(self._outlet_by_spelling, key=len, reverse=True)
        self.outlet_pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in spellings) + r")(?!\w)")
            if spellings
            else None
        )

    # Construction

    @classmethod
    def from_records(
        cls,
        *,
        outlets: Iterable[dict] = (),
        experts: Iterable[dict] = (),
        sections: Iterable[str | dict] = (),
    ) -> Catalogue:
        """A catalogue from plain data (the shape of tests/data/import/catalogue.json)."""
        # Without ids, number them, so that two records never look like one.
        return cls(
            outlets=[
                KnownOutlet(
                    id=row.get("id", number),
                    name=row["name"],
                    aliases=tuple(row.get("aliases", ())),
                    country=row.get("country", ""),
                    language=row.get("language", ""),
                )
                for number, row in enumerate(outlets, start=1)
            ],
            experts=[
                KnownExpert(
                    id=row.get("id", number),
                    name=row["name"],
                    aliases=tuple(row.get("aliases", ())),
                )
                for number, row in enumerate(experts, start=1)
            ],
            sections=[
                KnownSection(id=None, name=row) if isinstance(row, str) else KnownSection(**row)
                for row in sections
            ],
        )

    @classmethod
    def from_database(cls) -> Catalogue:
        """The outlets, experts and sections in the database now."""
        from ..models import Expert, Outlet, Section
        from ..moderation import find_expert

        def exact_expert(name: str) -> KnownExpert | None:
            expert = find_expert(name)
            if expert is None:
                return None
            return KnownExpert(id=expert.pk, name=expert.name, aliases=tuple(expert.alias_list))

        return cls(
            outlets=[
                KnownOutlet(
                    id=outlet.pk,
                    name=outlet.name,
                    aliases=tuple(outlet.alias_list),
                    country=outlet.country,
                    language=outlet.language,
                )
                for outlet in Outlet.objects.order_by("pk")
            ],
            experts=[
                KnownExpert(id=pk, name=name, aliases=tuple(a for a in aliases.splitlines() if a))
                for pk, name, aliases in Expert.objects.order_by("pk").values_list(
                    "pk", "name", "aliases"
                )
            ],
            sections=[
                KnownSection(id=pk, name=name)
                for pk, name in Section.objects.order_by("name").values_list("pk", "name")
            ],
            exact_expert=exact_expert,
        )

    # Matching

    def outlet_for_spelling(self, folded: str) -> KnownOutlet | None:
        return self._outlet_by_spelling.get(folded)

    def is_outlet_name(self, name: str) -> bool:
        bare = without_article(key(name))
        return bare in self._outlet_by_spelling or f"the {bare}" in self._outlet_by_spelling

    def match_outlet(self, name: str) -> Match | None:
        """The outlet `name` refers to: exactly (ignoring case, accents, "The"), or closely."""
        folded = key(name)
        if not folded:
            return None
        for candidate in (folded, without_article(folded), f"the {without_article(folded)}"):
            outlet = self._outlet_by_spelling.get(candidate)
            if outlet is not None:
                how = "name" if candidate in outlet_name_spellings(outlet) else "alias"
                return Match(outlet, how)
        best = process.extractOne(
            without_article(folded),
            {s: without_article(s) for s in self._outlet_by_spelling},
            scorer=fuzz.ratio,
            score_cutoff=OUTLET_SIMILARITY,
        )
        if best is not None:
            return Match(self._outlet_by_spelling[best[2]], "similar")
        return None

    def match_expert(self, name: str) -> Match | None:
        """The known expert called `name`: by name or alias, ignoring accents, or closely."""
        if self.exact_expert is not None:
            expert = self.exact_expert(name)
            if expert is not None:
                return Match(expert, "name" if key(expert.name) == key(name) else "alias")
        wanted = key(name)
        if not wanted:
            return None
        for expert in self.experts:
            if key(expert.name) == wanted:
                return Match(expert, "name")
        for expert in self.experts:
            if any(key(alias) == wanted for alias in expert.aliases):
                return Match(expert, "alias")
        # Close spellings only among experts who share the surname's initial, to keep
        # "Ana Ribeiro" from matching "Ana Ribas".
        surname = wanted.split()[-1]
        choices = {}
        for expert in self.experts:
            for spelling in (expert.name, *expert.aliases):
                folded = key(spelling)
                if folded and folded.split()[-1][:1] == surname[:1]:
                    choices[(expert, folded)] = folded
        best = process.extractOne(
            wanted, choices, scorer=fuzz.token_sort_ratio, score_cutoff=EXPERT_SIMILARITY
        )
        if best is not None:
            return Match(best[2][0], "similar")
        return None

    def match_section(self, name: str) -> KnownSection | None:
        folded = key(name)
        for section in self.sections:
            if key(section.name) == folded:
                return section
        return None


def outlet_name_spellings(outlet: KnownOutlet) -> set[str]:
    folded = key(outlet.name)
    return {folded, without_article(folded), f"the {without_article(folded)}"}
