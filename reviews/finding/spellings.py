"""Other spellings of the names a reader searches for: a word of an outlet's or expert's
name found also as that name is written in another language or script ("Лавров" as
"Lavrov" when the expert "Sergey Lavrov" has the Russian name "Сергей Лавров", and the
other way round), so that a search finds the stories whichever spelling they use."""

import itertools
from dataclasses import replace

from django.db.models import Q

from reviews.finding.query import WORD, ReaderQuery, Term
from reviews.models import Expert, Outlet

# Bounds on what one search word brings in: subjects read, spellings added, and
# alternatives of the whole query.
SUBJECTS_READ = 20
SPELLINGS_PER_TERM = 4
MOST_ALTERNATIVES = 16


def with_other_spellings(query: ReaderQuery) -> ReaderQuery:
    """`query` with each word or phrase that is (part of) a known name also found as that
    name's other spellings."""
    alternatives = []
    for terms in query:
        options = [[term] if term.excluded else [term, *other_spellings(term)] for term in terms]
        alternatives.extend(list(choice) for choice in itertools.product(*options))
    return replace(query, alternatives=alternatives[:MOST_ALTERNATIVES])


def other_spellings(term: Term) -> list[Term]:
    """The same words in the other spellings of the names they are part of."""
    wanted = [word.casefold() for word in term.words]
    # Narrowed down in the database (`spellings` are kept case-folded, since SQLite's LIKE
    # ignores the case of ASCII letters only), compared word by word here.
    containing = Q()
    for word in wanted:
        containing &= Q(spellings__contains=word)
    subjects = [
        spellings
        for model in (Expert, Outlet)
        for spellings in model.objects.filter(containing).values_list("spellings", flat=True)[
            :SUBJECTS_READ
        ]
    ]
    found: list[Term] = []
    seen = {tuple(wanted)}
    for spellings in subjects:
        lines = [tuple(WORD.findall(line)) for line in spellings.splitlines()]
        for line in lines:
            start = find(wanted, line)
            if start is None:
                continue
            for other in lines:
                words = tuple(other[start : start + len(wanted)])
                if len(other) == len(line) and words not in seen:
                    seen.add(words)
                    found.append(Term(" ".join(words), words))
    return found[:SPELLINGS_PER_TERM]


def find(wanted: list[str], words: tuple[str, ...]) -> int | None:
    """Where the run of `wanted` words starts in `words`, if it is there."""
    size = len(wanted)
    for start in range(len(words) - size + 1):
        if list(words[start : start + size]) == wanted:
            return start
    return None
