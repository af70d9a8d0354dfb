"""The reader's search words, read once for both databases: plain words all required,
`"a phrase"`, `or` between alternatives, `-word` to leave out, common words dropped as
PostgreSQL's configuration of the language searched drops them. See docs/PERFORMANCE.md,
"Search".
"""

# Russian stop words are Cyrillic on purpose.
# ruff: noqa: RUF001

import re
from collections.abc import Callable
from dataclasses import dataclass, field

# PostgreSQL's english stop words (tsearch_data/english.stop), which its full-text search
# leaves out of texts and queries alike; SQLite's index keeps them, the query drops them.
ENGLISH_STOP = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against
    between into through during before after above below to from up down in out on off over
    under again further then once here there when where why how all any both each few more most
    other some such no nor not only own same so than too very s t can will just don should now
"""
STOP_WORDS = frozenset(ENGLISH_STOP.split())
# PostgreSQL's russian stop words (tsearch_data/russian.stop). Its russian configuration
# reads Latin-script words as english does, dropping the English ones too.
RUSSIAN_STOP = """
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
    мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть
    был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть
    надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда
    кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас
    были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот
    через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед
    иногда лучше чуть том нельзя такой им более всегда конечно всю между
"""
LANGUAGE_STOP_WORDS = {"ru": STOP_WORDS | frozenset(RUSSIAN_STOP.split())}


def stop_words(language: str) -> frozenset[str]:
    """The common words a search of the editions in `language` leaves out (English ones for
    any language without a list: what every search left out before editions)."""
    return LANGUAGE_STOP_WORDS.get(language, STOP_WORDS)


# A word as the databases' tokenizers see one: letters and digits (SQLite's unicode61 and
# PostgreSQL's parser both split on punctuation, underscores included).
WORD = re.compile(r"[^\W_]+")
# A piece of the query: a quoted phrase (its closing quote may be missing), a run of minus
# signs, or anything else up to a space or a quote.
PIECE = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<minus>-+)|(?P<word>[^\s"]+)')

# How a word is written in an FTS5 phrase: by default as itself, quoted (search_sqlite.py may
# write a stem and a prefix search instead).
Fts5Word = Callable[[str], str]


@dataclass(frozen=True)
class Term:
    """A word or phrase to find (or, `excluded`, to leave out), as typed and as words."""

    text: str
    words: tuple[str, ...]
    excluded: bool = False

    def fts5(self, word: Fts5Word | None = None, common: frozenset[str] = STOP_WORDS) -> str:
        """The term as an FTS5 phrase: its words without the `common` ones at either end,
        quoted, so that nothing the reader typed is read as FTS5 syntax; each written by
        `word` if given, then joined by FTS5's `+`."""
        words = list(self.words)
        while words[0] in common:
            words.pop(0)
        while words[-1] in common:
            words.pop()
        if word is None:
            return '"' + " ".join(words) + '"'
        return " + ".join(map(word, words))

    def websearch(self) -> str:
        """The term in PostgreSQL's web-search syntax, quoted, as typed."""
        return ("-" if self.excluded else "") + f'"{self.text}"'


@dataclass
class ReaderQuery:
    """What a search looks for: alternatives (`or`), each of terms all required."""

    alternatives: list[list[Term]] = field(default_factory=list)
    # What was left out, so that the page can say why: common words, and alternatives
    # that only excluded words.
    common_words: list[str] = field(default_factory=list)
    only_exclusions: bool = False
    # The common words of the language searched (stop_words()).
    stop_words: frozenset[str] = STOP_WORDS

    def __bool__(self) -> bool:
        return bool(self.alternatives)

    def websearch(self) -> str:
        """The query for PostgreSQL's websearch_to_tsquery(), as this module read it."""
        return " or ".join(" ".join(term.websearch() for term in terms) for terms in self)

    def fts5(self, word: Fts5Word | None = None) -> str:
        """The query as an FTS5 MATCH expression, every term quoted (see Term.fts5)."""
        return " OR ".join(fts5_alternative(terms, word, self.stop_words) for terms in self)

    def __iter__(self):
        return iter(self.alternatives)


def fts5_alternative(terms: list[Term], word: Fts5Word | None, common: frozenset[str]) -> str:
    wanted = " AND ".join(term.fts5(word, common) for term in terms if not term.excluded)
    unwanted = " OR ".join(term.fts5(word, common) for term in terms if term.excluded)
    return f"(({wanted}) NOT ({unwanted}))" if unwanted else f"({wanted})"


def read_query(text: str, common: frozenset[str] = STOP_WORDS) -> ReaderQuery:
    """`text` read as PostgreSQL's websearch_to_tsquery() reads it, less what it would
    ignore: words that are all `common`, punctuation, and alternatives with no word to find
    (websearch_to_tsquery() would find every text without the excluded words)."""
    query = ReaderQuery(stop_words=common)
    terms: list[Term] = []
    excluding = False
    for piece in PIECE.finditer(text):
        if piece["minus"]:
            excluding = True
            continue
        typed = piece["word"] if piece["phrase"] is None else piece["phrase"]
        if piece["word"] and typed.lower() == "or":
            close_alternative(query, terms)
            terms, excluding = [], False
            continue
        words = tuple(word.lower() for word in WORD.findall(typed))
        if words and set(words) <= common:
            query.common_words.append(typed)
        elif words:
            terms.append(Term(typed, words, excluding))
        excluding = False
    close_alternative(query, terms)
    return query


def close_alternative(query: ReaderQuery, terms: list[Term]) -> None:
    if any(not term.excluded for term in terms):
        query.alternatives.append(terms)
    elif terms:
        query.only_exclusions = True
