"""What pasted names are matched against: the known outlets, experts and sections, read once per
import and indexed; close spellings are matched but marked uncertain. See docs/IMPORTING.md,
"Matching known records".
"""

# The rules match typographic quotes, dashes and separators on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from reviews.vocabulary.moderation import normalise_name

# Letters that do not decompose into a base letter and an accent.
_FOLD_EXTRA = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l", "’": "'", "‘": "'"}

# How close a spelling must be (0-100) to count as the same name.
OUTLET_SIMILARITY = 90
EXPERT_SIMILARITY = 92


@functools.cache
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
    if text.isascii():
        return text.lower()
    return "".join(map(fold_char, text))


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
class ExpertIndex:
    """The experts' spellings folded once, so that each look-up is a dict access (exact) or
    one rapidfuzz call over a prepared list (close spellings)."""

    by_name: dict[str, KnownExpert] = field(default_factory=dict)  # case-folded, as written
    by_alias: dict[str, KnownExpert] = field(default_factory=dict)
    by_folded_name: dict[str, KnownExpert] = field(default_factory=dict)  # without accents
    by_folded_alias: dict[str, KnownExpert] = field(default_factory=dict)
    # For close spellings, by the initial of the last word: the spellings and their experts.
    by_initial: dict[str, tuple[list[str], list[KnownExpert]]] = field(default_factory=dict)

    @classmethod
    def build(cls, experts: Iterable[KnownExpert]) -> ExpertIndex:
        index = cls()
        for expert in experts:  # oldest first: the first record of a spelling wins
            as_written = normalise_name(expert.name).casefold()
            index.by_name.setdefault(as_written, expert)
            index.by_folded_name.setdefault(key(expert.name), expert)
            for alias in expert.aliases:
                index.by_alias.setdefault(normalise_name(alias).casefold(), expert)
                index.by_folded_alias.setdefault(key(alias), expert)
            for spelling in {key(s) for s in (expert.name, *expert.aliases)}:
                if spelling:
                    initial = spelling.split()[-1][:1]
                    spellings, owners = index.by_initial.setdefault(initial, ([], []))
                    spellings.append(spelling)
                    owners.append(expert)
        return index


@dataclass
class Catalogue:
    outlets: list[KnownOutlet] = field(default_factory=list)
    experts: list[KnownExpert] = field(default_factory=list)
    sections: list[KnownSection] = field(default_factory=list)

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
        self._outlet_choices = {s: without_article(s) for s in self._outlet_by_spelling}
        self._experts = ExpertIndex.build(self.experts)
        self._expert_matches: dict[str, Match | None] = {}

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
        """The outlets, experts and sections in the database now, read in three queries.

        Experts are matched in memory by the rule of `moderation.find_expert` (case and
        spaces ignored, a name before an alias, the oldest record first), then without accents.
        Names in other languages and transliterations count as aliases ("Сергей Лавров" for
        "Sergey Lavrov": `other_spellings()`, reviews.models).
        """
        from reviews.models import Expert, Outlet, Section

        return cls(
            outlets=[
                KnownOutlet(
                    id=outlet.pk,
                    name=outlet.name,
                    aliases=tuple(outlet.other_spellings()),
                    country=outlet.country,
                    language=outlet.language,
                )
                for outlet in Outlet.objects.order_by("pk")
            ],
            experts=[
                KnownExpert(id=expert.pk, name=expert.name, aliases=tuple(expert.other_spellings()))
                for expert in Expert.objects.order_by("pk").only(
                    "pk", "name", "aliases", "translations"
                )
            ],
            sections=[
                KnownSection(id=pk, name=name)
                for pk, name in Section.objects.order_by("name").values_list("pk", "name")
            ],
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
            self._outlet_choices,
            scorer=fuzz.ratio,
            score_cutoff=OUTLET_SIMILARITY,
        )
        if best is not None:
            return Match(self._outlet_by_spelling[best[2]], "similar")
        return None

    def match_expert(self, name: str) -> Match | None:
        """The known expert called `name`: by name or alias, ignoring case, then accents,
        then closely (remembered for the rest of the import)."""
        if name not in self._expert_matches:
            self._expert_matches[name] = self._match_expert(name)
        return self._expert_matches[name]

    def _match_expert(self, name: str) -> Match | None:
        index = self._experts
        as_written = normalise_name(name).casefold()
        wanted = key(name)
        if not wanted:
            return None
        for table, spelling, how in (
            (index.by_name, as_written, "name"),
            (index.by_alias, as_written, "alias"),
            (index.by_folded_name, wanted, "name"),
            (index.by_folded_alias, wanted, "alias"),
        ):
            expert = table.get(spelling)
            if expert is not None:
                return Match(expert, how)
        # Close spellings only among experts who share the surname's initial, to keep
        # "Ana Ribeiro" from matching "Ana Ribas".
        spellings, owners = index.by_initial.get(wanted.split()[-1][:1], ([], []))
        best = process.extractOne(
            wanted, spellings, scorer=fuzz.token_sort_ratio, score_cutoff=EXPERT_SIMILARITY
        )
        if best is not None:
            return Match(owners[best[2]], "similar")
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
