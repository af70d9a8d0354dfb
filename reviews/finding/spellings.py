"""Other spellings of the names a reader searches for: a word of an outlet's or expert's
name found also as that name is written in another language or script ("Лавров" as
"Lavrov" when the expert "Sergey Lavrov" has the Russian name "Сергей Лавров", and the
other way round), so that a search finds the stories whichever spelling they use."""

import itertools
from dataclasses import replace

from django.db.models import Q

from reviews.finding.query import WORD, ReaderQuery, Term
from reviews.models import Expert, Outlet

# Bounds on what a search brings in: names read, spellings added to a word, and
# alternatives of the whole query.
SUBJECTS_READ = 40
SPELLINGS_PER_TERM = 4
MOST_ALTERNATIVES = 16


def with_other_spellings(query: ReaderQuery) -> ReaderQuery:
    """`query` with each word or phrase that is (part of) a known name also found as that
    name's other spellings: one query, for every word at once."""
    wanted = {term: tuple(word.casefold() for word in term.words) for term in terms_of(query)}
    if not wanted:
        return query
    names = known_names(list(wanted.values()))
    alternatives = []
    for terms in query:
        options = [
            [term, *other_spellings(wanted[term], names, query.stop_words)]
            if term in wanted
            else [term]
            for term in terms
        ]
        alternatives.extend(list(choice) for choice in itertools.product(*options))
    return replace(query, alternatives=alternatives[:MOST_ALTERNATIVES])


def terms_of(query: ReaderQuery) -> list[Term]:
    return [term for terms in query for term in terms if not term.excluded]


def known_names(runs: list[tuple[str, ...]]) -> list[list[tuple[str, ...]]]:
    """The spellings (each as words) of the outlets and experts whose names contain one of
    the `runs` of words, a few of each."""
    # Narrowed down in the database (`spellings` are kept case-folded, since SQLite's LIKE
    # ignores the case of ASCII letters only), compared word by word here.
    containing = Q()
    for run in runs:
        every_word = Q()
        for word in run:
            every_word &= Q(spellings__contains=word)
        containing |= every_word
    found = (
        Expert.objects.filter(containing)
        .order_by()
        .values_list("spellings", flat=True)
        .union(Outlet.objects.filter(containing).order_by().values_list("spellings", flat=True))
    )[:SUBJECTS_READ]
    return [[tuple(WORD.findall(line)) for line in spellings.splitlines()] for spellings in found]


def other_spellings(wanted: tuple[str, ...], names, common: frozenset[str]) -> list[Term]:
    """The run of `wanted` words in the other spellings of the names it is part of."""
    found: list[Term] = []
    seen = {wanted}
    for lines in names:
        for line in lines:
            start = find(wanted, line)
            if start is None:
                continue
            for other in lines:
                words = other[start : start + len(wanted)]
                # Common words alone are no search (query.read_query drops them too).
                if set(words) <= common:
                    continue
                if len(other) == len(line) and words not in seen:
                    seen.add(words)
                    found.append(Term(" ".join(words), words))
    return found[:SPELLINGS_PER_TERM]


def find(wanted: tuple[str, ...], words: tuple[str, ...]) -> int | None:
    """Where the run of `wanted` words starts in `words`, if it is there."""
    size = len(wanted)
    for start in range(len(words) - size + 1):
        if words[start : start + size] == wanted:
            return start
    return None
