"""Pasted text in, a proposed review out: `parse_review(text, catalogue=...)` finds the parts of
the page, the stories and their headlines, by the genre's own structure; nothing is saved.
See docs/IMPORTING.md, "What it understands".
"""

# The rules match typographic quotes, dashes and separators on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reviews.importer.catalogue import Catalogue, KnownOutlet, fold, key
from reviews.importer.languages import FALLBACK, UNDERSTOOD, language_name, names, recognise
from reviews.importer.people import CALENDAR, NAME, OUTLET_WORDS, SAYING, People, find_mentions
from reviews.importer.text import (
    ABBREVIATIONS,
    DATED,
    MASK,
    SENTENCE_END,
    TRAILING_CLUTTER,
    UPPER,
    find_dateline,
    mask_quotes,
    normalise,
    remove_clutter,
    sentence_spans,
    word_count,
    years_in,
)
from reviews.importer.webpage import html_to_text, looks_like_html


class ImportFailed(ValueError):
    """The text cannot be read as a press review; the message says why, for the editor."""


@dataclass
class Uncertainty:
    """Something the parser guessed. `field` is a path: "review_date", "stories.1.outlet",
    "stories.0.citations.2.expert"."""

    field: str
    message: str


class Matched:
    """A name in the text matched against the catalogue: `how` it was found ("name",
    "alias", "similar"), or "new" when nothing known matched."""

    how: str

    @property
    def is_new(self) -> bool:
        return self.how == "new"


@dataclass
class OutletProposal(Matched):
    written: str  # as in the text
    name: str  # the known outlet's name, or the name proposed for a new one
    outlet_id: int | None = None
    how: str = "new"  # "name", "alias", "similar" or "new"
    country: str = ""  # a known outlet's; empty for a new one (the editor fills it in)
    language: str = ""


@dataclass
class CitationProposal(Matched):
    written: str  # the name as in the text
    name: str  # the known expert's name, or the name proposed for a new one
    expert_id: int | None = None
    how: str = "new"
    position: str = ""
    organisation: str = ""
    quote: str = ""


@dataclass
class StoryProposal:
    outlet: OutletProposal
    headline: str
    body: str
    citations: list[CitationProposal] = field(default_factory=list)
    pages: str = ""  # the paper's pages, when the review gives them: "p. 1, 3"


@dataclass
class ReviewProposal:
    title: str = ""
    language: str = FALLBACK  # the text's: one the parser understands
    section_id: int | None = None
    section_name: str = ""
    dateline_city: str = ""
    review_date: datetime.date | None = None
    agency: str = ""
    lede: str = ""
    disclaimer: str = ""
    stories: list[StoryProposal] = field(default_factory=list)
    uncertainties: list[Uncertainty] = field(default_factory=list)
    mentioned_people: list[str] = field(default_factory=list)  # named, not quoted
    newsmakers: list[str] = field(default_factory=list)  # quoted from public statements
    dropped: list[str] = field(default_factory=list)  # page clutter removed

    def flag(self, path: str, message: str) -> None:
        self.uncertainties.append(Uncertainty(path, message))

    def uncertain(self, path: str) -> list[str]:
        """The messages about one field (empty if the parser was sure of it)."""
        return [u.message for u in self.uncertainties if u.field == path]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["review_date"] = self.review_date.isoformat() if self.review_date else None
        return data


# Story markers

QUOTE_OPENERS = "\"“‘«„'"
MARKER_BOUNDARY = '.!?…"”’»)]'
COLON = re.compile(r"[ \t]*:[ \t]*(?:\n[ \t]*)?")
CONNECTORS = r"(?:the|of|de|da|do|dos|das|del|la|el|le|les|di|der|die|y|i|e|and|&)"
# Words of at most 40 characters: an outlet's name has no longer ones, and an unbounded
# word made a long unbroken run of letters cost time in the square of its length.
OUTLETISH = re.compile(
    rf"(?P<name>[{UPPER}][\w'’&.\-]{{0,40}}"
    rf"(?:[ \t]+(?:{CONNECTORS}[ \t]+)*[{UPPER}][\w'’&.\-]{{0,40}}){{0,5}})"
    rf"[ \t]*:[ \t]*(?:\n[ \t]*)?(?=[\"“‘«{UPPER}0-9])"
)
NOT_OUTLETS = {
    "press review", "note", "editor's note", "editors' note", "photo", "source", "sources",
    "update", "updated", "published", "related", "read more", "see also", "correction",
    "disclaimer", "tags", "topics", "share", "image", "caption", "video", "listen", "warning",
    "advertisement", "quote", "q", "a", "by", "lede", "summary", "background", "context",
    "analysis", "opinion", "editorial", "comment", "interview", "headline", "title",
}  # fmt: skip
SENTENCE_STARTERS = {
    "The", "A", "An", "In", "According", "It", "Its", "This", "These", "Those", "On", "After",
    "As", "At", "For", "With", "Writing", "Citing", "Speaking", "Meanwhile", "However",
    "Despite", "While", "When", "Under", "Last", "Several", "Many", "Some", "Most", "Both",
    "Since", "Although", "Though", "Yet", "But", "Asked", "Quoting", "Experts", "Analysts",
    "Officials", "Economists", "Unions", "Investors", "Residents", "Critics", "There", "Here",
    "Two", "Three", "Four", "Five", "One", "Only", "Even", "Already", "Until", "From", "By",
    "During", "Following", "Amid", "Earlier", "Later", "Today", "Yesterday", "Tomorrow",
}  # fmt: skip
HEADLINE_CONNECTORS = {
    "the", "a", "an", "of", "to", "and", "or", "as", "for", "in", "on", "at", "with", "by",
    "from", "into", "over", "after", "before", "than", "its", "their", "his", "her", "vs",
}  # fmt: skip
HEADLINE_MAX_WORDS = 25
NAME_WITH_APPOSITION = re.compile(rf"{NAME},\s+(?:a\s+|an\s+|the\s+)?[a-z]")
DISCLAIMER = re.compile(
    r"(?:(?<=\n)|(?<=[.!?\"”]\s)|^)(?:Disclaimer\s*:\s*)?[^.!?\n]{0,300}?"
    r"\b(?:not responsible for|(?:does|do) not (?:necessarily )?(?:share|reflect|endorse)|"
    r"(?:views|opinions) expressed)\b[^.!?\n]{0,300}[.!?]?",
    re.IGNORECASE | re.MULTILINE,
)
PRESS_REVIEW_TITLE = re.compile(r"press review\s*:", re.IGNORECASE)


@dataclass
class Marker:
    start: int  # where the outlet's name starts
    end: int  # where the headline starts
    written: str
    outlet: KnownOutlet | None = None
    how: str = "new"
    weak: bool = False  # an unknown name without a newspaper word in it


def at_boundary(text: str, position: int, start: int) -> bool:
    """Whether a story marker may begin here: at a line start or after a sentence's end."""
    index = position - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    if index < start or text[index] == "\n":
        return True
    return text[index] in MARKER_BOUNDARY


def find_markers(text: str, start: int, catalogue: Catalogue, context: str = "") -> list[Marker]:
    markers: list[Marker] = []
    if catalogue.outlet_pattern is not None:
        folded = fold(text)
        for match in catalogue.outlet_pattern.finditer(folded, start):
            colon = COLON.match(text, match.end())
            if not colon or not at_boundary(text, match.start(), start):
                continue
            following = text[colon.end() : colon.end() + 1]
            if not (following.isupper() or following.isdigit() or following in QUOTE_OPENERS):
                continue
            outlet = catalogue.outlet_for_spelling(match.group())
            written = text[match.start() : match.end()]
            matched = catalogue.match_outlet(written)
            markers.append(
                Marker(match.start(), colon.end(), written, outlet, matched.how if matched else "")
            )
    taken = [(m.start, m.end) for m in markers]
    position = start
    while match := OUTLETISH.search(text, position):
        name_start = match.start("name")
        position = name_start + 1
        if any(s <= name_start < e for s, e in taken):
            continue
        if not at_boundary(text, name_start, start):
            continue
        marker = unknown_marker(text, match, catalogue, context)
        if marker is not None:
            markers.append(marker)
            taken.append((marker.start, marker.end))
            position = match.end()
    return sorted(markers, key=lambda m: m.start)


def unknown_marker(
    text: str, match: re.Match, catalogue: Catalogue, context: str = ""
) -> Marker | None:
    """A story marker for an outlet the catalogue does not know, if the name looks like one:
    a newspaper word in it, named in the title or lede, or alone on its line with a headline."""
    name = match.group("name").strip()
    folded = key(name)
    if folded.removeprefix("the ") in NOT_OUTLETS or PRESS_REVIEW_TITLE.match(name + ":"):
        return None
    words = folded.split()
    if len(words) > 6 or catalogue.match_expert(name) is not None:
        return None
    similar = catalogue.match_outlet(name)
    if similar is not None:  # a spelling variant of a known outlet
        return Marker(match.start("name"), match.end(), name, similar.record, similar.how)
    if any(word.strip(".") in OUTLET_WORDS for word in words):
        return Marker(match.start("name"), match.end(), name)
    if re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", fold(context)) or cited_as_source(
        name, text[match.end() : match.end() + STORY_REACH]
    ):
        return Marker(match.start("name"), match.end(), name)
    # No newspaper word: only "Name: headline" alone on its line, the headline short.
    line_start = text.rfind("\n", 0, match.start("name")) + 1
    line_end = text.find("\n", match.end())
    headline = text[match.end() : line_end if line_end >= 0 else len(text)].strip()
    if (
        text[line_start : match.start("name")].strip() == ""
        and 0 < word_count(headline) <= 20
        and not headline.endswith(".")
        and line_end >= 0
    ):
        return Marker(match.start("name"), match.end(), name, weak=True)
    return None


# How far into a story its outlet is looked for ("…, Izvestia writes", "told Izvestia").
STORY_REACH = 1500
REPORTING_VERBS = (
    r"writes|reports|says|notes|wrote|reported|learned|has learned|quotes|cites|points out|"
    r"claims|believes|observes|adds|continues|concludes|estimates"
)


def cited_as_source(name: str, story: str) -> bool:
    """Whether the text after "Name:" treats Name as the paper reporting it: "…, Name writes",
    "told Name", "in an interview with Name"."""
    escaped = re.escape(name)
    return bool(
        re.search(rf"(?<!\w){escaped}\s+(?:{REPORTING_VERBS})\b", story)
        or re.search(rf"\b(?:told|to|with|for|by)\s+{escaped}(?!\w)", story)
    )


# Headlines


# Words a headline does not end on, and words of narrative that a headline does not use.
OPEN_ENDED = HEADLINE_CONNECTORS | {
    "until", "about", "amid", "despite", "against", "between", "without", "under", "near",
    "towards", "toward", "per", "via", "among", "through", "across", "behind", "beyond", "is",
    "are", "will", "would", "be", "not", "who", "that", "which", "de", "da", "do", "del", "la",
    "le", "el", "van", "von", "der", "al", "bin", "no", "new",
}  # fmt: skip
NARRATIVE = {
    "said", "told", "writes", "wrote", "reports", "reported", "according", "noted", "added",
    "stated", "explained", "was", "were", "had", "been", "newspaper", "paper",
}  # fmt: skip
STOPWORDS = OPEN_ENDED | {
    "it", "this", "these", "those", "has", "have", "was", "were", "than", "then", "more",
    "less", "up", "out", "off", "all", "one", "two", "three", "also", "press", "review",
    "papers", "paper", "newspaper", "newspapers", "write", "writes", "lead", "leads", "looks",
}  # fmt: skip
SAYS_AFTER_NAME = re.compile(rf"^(?:[{UPPER}][\w'’.\-]*\s+){{1,5}}(?:{SAYING})\b")
# Below this difference between the best and the next boundary, the editor is asked to check.
HEADLINE_MARGIN = 1.0
# How often a body word also appears in the title and lede (the background rate).
BACKGROUND_OVERLAP = 0.35


def stem(word: str) -> str:
    word = fold(word).strip("\"“”‘’'«»()[],.;:!?")
    word = word.removesuffix("'s")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in text.split() if len(stem(w)) > 2 and stem(w) not in STOPWORDS}


def boundary_scores(
    line: str, spellings: list[str], context: set[str], context_text: str
) -> list[tuple[float, int]]:
    """(score, character offset) of each place where the headline may end in `line`.

    The evidence: the body starts like a sentence (a capital, "The", a quotation, the outlet's
    name, a name with a verb of saying) and not inside a run of capitalised words; the headline
    repeats the title's and lede's words more than the body does (a change point); it uses no
    narrative words ("said", "writes"); it is short; it ends with no connecting word.
    """
    words = list(re.finditer(r"\S+", line))
    scores: list[tuple[float, int]] = []
    overlap, seen = 0.0, set()
    narrative = 0
    folded_context = fold(context_text)
    for k in range(1, min(len(words), HEADLINE_MAX_WORDS + 1)):
        previous = words[k - 1].group()
        stemmed = stem(previous)
        if len(stemmed) > 2 and stemmed not in STOPWORDS and stemmed not in seen:
            seen.add(stemmed)
            overlap += (1.0 if stemmed in context else 0.0) - BACKGROUND_OVERLAP
        if fold(previous).strip(",.;:") in NARRATIVE:
            narrative += 1
        word = words[k].group()
        sentence_end = ends_sentence(previous)
        if k < 2 or not (word[:1].isupper() or word[:1].isdigit() or word[:1] in QUOTE_OPENERS):
            continue
        if previous[-1] in ",;:(" or fold(previous) in OPEN_ENDED:
            continue
        rest = line[words[k].start() :]
        folded_rest = fold(rest)
        score = overlap - 2.5 * narrative
        # The body's first words often restate the headline: "Inflation slows ..." then
        # "Inflation slowed ...".
        headline_stems = {stem(w.group()) for w in words[:k]} - STOPWORDS
        following = [stem(w.group()) for w in words[k : k + 8]]
        if headline_stems and len(set(following) & headline_stems) >= max(
            2, len(headline_stems) // 2
        ):
            score += 1.5
        if word in SENTENCE_STARTERS:
            score += 2.0
        elif word[:1] in QUOTE_OPENERS:
            score += 1.5
        if any(
            folded_rest.startswith(s) and not folded_rest[len(s) : len(s) + 1].isalnum()
            for s in spellings
        ):
            score += 3.0
        elif NAME_WITH_APPOSITION.match(rest) or SAYS_AFTER_NAME.match(rest):
            score += 1.5
        capitalised_before = (
            previous[:1].isupper() and k - 1 > 0 and fold(previous).strip(",.") not in CALENDAR
        )
        if capitalised_before and word not in SENTENCE_STARTERS and word[:1].isupper():
            pair = f"{fold(previous)} {fold(word)}"
            score -= 3.0 if pair in folded_context else 1.0  # inside a name: "Gazeta | Norte"
        if k > 12:
            score -= 0.4 * (k - 12)
        # A headline In Title Case ends where a sentence starts: a capital, then lower case.
        if k >= 3 and title_case(words[:k]) and k + 1 < len(words):
            score += 2.0 if words[k + 1].group()[:1].islower() else -1.0
        if sentence_end:
            scores.append((score + 1.0, words[k].start()))
            break
        scores.append((score, words[k].start()))
    return scores


def title_case(words: list[re.Match]) -> bool:
    significant = [w.group() for w in words if fold(w.group()) not in HEADLINE_CONNECTORS]
    return bool(significant) and all(w[:1].isupper() or w[:1].isdigit() for w in significant)


def split_inline_headline(
    line: str, spellings: list[str], context: set[str] = frozenset(), context_text: str = ""
) -> tuple[str, str, bool]:
    """(headline, start of the body, whether unsure) for a story whose headline runs into
    its body: the best-scored boundary, unsure when the next best comes close."""
    scores = sorted(boundary_scores(line, spellings, context, context_text), reverse=True)
    if scores:
        cut = scores[0][1]
        unsure = len(scores) > 1 and scores[0][0] - scores[1][0] < HEADLINE_MARGIN
        return without_full_stop(line[:cut]), line[cut:], unsure
    end = SENTENCE_END.search(line)
    if end:
        return line[: end.start()].strip(), line[end.end() :].strip(), True
    return " ".join(line.split()[:12]), " ".join(line.split()[12:]), True


def ends_sentence(word: str) -> bool:
    """Whether a sentence may end with `word`: not "Dr.", "U.S." or an initial."""
    bare = word.rstrip(".")
    return (
        word[-1:] in ".!?"
        and len(bare) > 1
        and bare.casefold() not in ABBREVIATIONS
        and not re.fullmatch(r"(?:\w\.)+\w?", word)
    )


def without_full_stop(headline: str) -> str:
    """A headline without a final full stop, but "U.S." keeps its own."""
    headline = headline.strip()
    words = headline.split()
    return headline.rstrip(".") if words and ends_sentence(words[-1]) else headline


def runs_into_body(line: str) -> bool:
    """Whether a short line holds more than a headline: a sentence that reports ("…, the paper
    writes.") or a sentence's end followed by more text."""
    words = line.split()
    reporting = {fold(w).strip(",.;:") for w in words} & {"writes", "reports", "wrote", "reported"}
    if reporting and line.rstrip().endswith("."):
        return True
    return any(
        ends_sentence(word) and following[:1].isupper()
        for word, following in itertools.pairwise(words)
    )


def split_story(
    segment: str, spellings: list[str], context: set[str] = frozenset(), context_text: str = ""
) -> tuple[str, str, bool]:
    """(headline, body, whether unsure of the headline's end) of one story's text."""
    segment = segment.strip()
    first, _newline, rest = segment.partition("\n")
    if rest.strip() and word_count(first) <= HEADLINE_MAX_WORDS and not runs_into_body(first):
        return without_full_stop(first), paragraphs(rest), False
    headline, body_start, unsure = split_inline_headline(first, spellings, context, context_text)
    return headline, paragraphs(body_start + "\n" + rest), unsure


def paragraphs(text: str) -> str:
    """One paragraph per line, separated by a blank line as Story.body expects."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


# The review


def parse_review(
    text: str, *, catalogue: Catalogue, today: datetime.date | None = None, language: str = ""
) -> ReviewProposal:
    """Propose a review (title, dateline, lede, stories, citations, disclaimer) for `text`
    (copied text, or an HTML page read as its text), written in `language` if the editor chose
    one. Raises ImportFailed for an empty text and
    for one in a language the parser does not understand (`review_language`)."""
    today = today or datetime.date.today()
    if looks_like_html(text):
        text = html_to_text(text)
        if not text:
            raise ImportFailed(_("The HTML page holds no text to read."))
    text = normalise(text)
    if not text:
        raise ImportFailed(_("The text is empty."))
    clean = remove_clutter(text)
    text = clean.text
    proposal = ReviewProposal(
        language=review_language(text, chosen=language), dropped=list(clean.dropped)
    )

    dateline = find_dateline(text)
    if dateline is not None:
        header, after_dateline = text[: dateline.start], dateline.end
        proposal.dateline_city = dateline.city
        proposal.agency = dateline.agency
    else:
        first_line_end = text.find("\n")
        header = text[:first_line_end] if first_line_end > 0 else ""
        after_dateline = max(first_line_end, 0)
        proposal.flag("dateline_city", _("No dateline (“CITY, Month D”) found."))
    read_header(proposal, header, clean, catalogue)
    proposal.review_date = review_date(proposal, dateline, clean, header, today)

    context = text[:after_dateline] + " " + first_paragraph(text, after_dateline)
    markers = find_markers(text, after_dateline, catalogue, context)
    headings = [] if markers else find_headings(text, after_dateline, catalogue, context)
    if headings:
        markers = headings
    tail_start = markers[-1].end if markers else after_dateline
    end = len(text)
    disclaimer = DISCLAIMER.search(text, tail_start)
    if disclaimer:
        proposal.disclaimer = re.sub(
            r"^Disclaimer\s*:\s*", "", disclaimer.group().strip(), flags=re.I
        )
        trailing = text[disclaimer.end() :].strip()
        if trailing:
            proposal.dropped.append(trailing)
        end = disclaimer.start()
    elif clutter := TRAILING_CLUTTER.search(text, tail_start):
        proposal.dropped.append(text[clutter.start() :].strip())
        end = clutter.start()

    lede_end = markers[0].start if markers else end
    proposal.lede = paragraphs(text[after_dateline:lede_end]).strip(" -–—:")
    if not proposal.lede:
        proposal.flag("lede", _("No lede found between the dateline and the first story."))
    if not markers:
        proposal.flag(
            "stories",
            _(
                "No story found: no known outlet followed by a colon and a headline. Add the "
                "outlet (or the name used here as an alias) and paste again."
            ),
        )

    if headings:
        proposal.flag(
            "stories",
            _(
                "Each outlet is named once as a heading: every paragraph under it was taken for "
                "a story, its headline the short line above it or else its first sentence. "
                "Shorten the headlines as needed."
            ),
        )
    read_stories(proposal, text, markers, end, catalogue, headings=bool(headings))
    drop_placeholders(proposal, text)
    return proposal


def review_language(text: str, *, chosen: str = "") -> str:
    """The language of the review in `text`: the one it reads as, else the editor's `chosen`,
    else FALLBACK. Raises ImportFailed, with what to do, when the parser does not read that
    language, the site does not publish in it, or the text contradicts the editor's choice."""
    site = [code for code, _name in settings.LANGUAGES]
    understood = [code for code in UNDERSTOOD if code in site]
    read = recognise(text)
    language = read or chosen or FALLBACK
    what = {
        "language": language_name(language),
        "chosen": language_name(chosen),
        "understood": names(understood or UNDERSTOOD),
        "site": names(site),
    }
    if chosen and read and chosen != read and read in understood:
        raise ImportFailed(
            _(
                "You chose %(chosen)s, but this text reads as %(language)s. Choose "
                "%(language)s, or leave the language to the importer."
            )
            % what
        )
    if language in understood:
        return language
    if not understood:
        raise ImportFailed(
            _(
                "The importer understands press reviews in %(understood)s only, and this site "
                "publishes in %(site)s: add the review by hand."
            )
            % what
        )
    if language not in site:
        raise ImportFailed(
            _(
                "This text reads as %(language)s, and this site publishes in %(site)s only. "
                "Paste the review's edition in %(understood)s, the language the importer "
                "understands."
            )
            % what
        )
    message = (
        _(
            "This text reads as %(language)s; the importer understands press reviews in "
            "%(understood)s so far. Paste the %(understood)s edition and create the "
            "%(language)s one from it (“Create the %(language)s edition” on the saved "
            "review), or add the review by hand and set its language to %(language)s."
        )
        if read
        else _(
            "You chose %(chosen)s; the importer understands press reviews in "
            "%(understood)s so far. Paste the %(understood)s edition and create the "
            "%(chosen)s one from it (“Create the %(chosen)s edition” on the saved "
            "review), or add the review by hand."
        )
    )
    raise ImportFailed(message % what)


def first_paragraph(text: str, start: int) -> str:
    """The lede's text, or at most its first 600 characters when line breaks were lost."""
    end = text.find("\n", start + 1)
    return text[start : end if end > 0 else len(text)][:600]


# The outlet-heading layout: "GAZETA NORTE, February 18" on its own line, then paragraphs.

WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
HEADING_DATE = re.compile(
    rf"^\s*(?:[,(–—\-]\s*)?(?:{WEEKDAY},?\s+)?(?:{DATED.pattern})\s*\)?\s*$|^\s*$"
)
# "(pro-government daily)", "(business weekly), March 4": what kind of paper the heading names.
HEADING_DESCRIPTION = re.compile(
    rf"^\s*\((?P<kind>[^()]{{1,60}})\)\s*(?:[,–—\-]\s*(?:{DATED.pattern}))?\s*$"
)
PAPER_KINDS = re.compile(
    r"\b(?:daily|weekly|newspaper|paper|tabloid|broadsheet|magazine|monthly|website|"
    r"news site|gazette)\b",
    re.IGNORECASE,
)
PAGE_REFERENCE = re.compile(
    r"\s*\((?P<pages>(?:pp?\.|pages?)\s*[\dA-Z][\w\s,;–\-]{0,30})\)", re.IGNORECASE
)

# ", the paper writes" / ", Gazeta Norte reports" closing a story's first sentence.
REPORTING_TAIL = re.compile(
    rf",\s+(?:the\s+(?:paper|newspaper|daily|weekly|publication)|[{UPPER}][\w'’\- ]{{1,60}}?)"
    r"\s+(?:writes|reports|says|notes|wrote|reported|said|points out|claims)\.?$"
)


def find_headings(text: str, start: int, catalogue: Catalogue, context: str) -> list[Marker]:
    """Lines that name an outlet and nothing else but a date: "GAZETA NORTE, February 18",
    "KURIER WIŚLANY (March 4)". A known outlet may be written in any case; an unknown one must
    be in capitals, with a date, a newspaper word or a mention in the lede, or stand among
    such headings. Only sought when no "Outlet: headline" marker was found."""
    found: list[tuple[Marker, bool]] = []  # (marker, sure)
    offset = start
    for line in text[start:].split("\n"):
        line_start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped or word_count(stripped) > 10 or stripped.endswith((".", ":")):
            continue
        name_part = re.split(r"\s*[,(–—]\s*|\s+-\s+", stripped, maxsplit=1)[0]
        remainder = stripped[len(name_part) :]
        dated = bool(remainder.strip())
        described = HEADING_DESCRIPTION.match(remainder)
        paper_kind = bool(described and PAPER_KINDS.search(described["kind"]))
        if not (HEADING_DATE.match(remainder) or paper_kind) or key(name_part) in NOT_OUTLETS:
            continue
        letters = [c for c in name_part if c.isalpha()]
        capitals = len(letters) > 1 and all(c.isupper() for c in letters)
        matched = catalogue.match_outlet(name_part)
        begin = line_start + (len(line) - len(line.lstrip()))
        if matched is not None and matched.how != "similar":  # a known outlet, any case
            marker = Marker(begin, line_start + len(line), name_part, matched.record, matched.how)
            found.append((marker, True))
        elif (capitals or paper_kind) and word_count(name_part) <= 5:
            sure = (
                dated
                or paper_kind
                or any(fold(w) in OUTLET_WORDS for w in name_part.split())
                or fold(name_part) in fold(context)
            )
            name = name_part.title() if capitals else name_part
            found.append((Marker(begin, line_start + len(line), name), sure))
    if not any(sure for _marker, sure in found):
        return []
    return [marker for marker, _sure in found]


def heading_stories(segment: str) -> list[tuple[str, str, str]]:
    """(headline, body, pages) for each paragraph under an outlet's heading: the headline is
    the short line above the paragraph if there is one, else its first sentence."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", segment) if b.strip()]
    if len(blocks) <= 1:
        blocks = [b.strip() for b in segment.split("\n") if b.strip()]
    stories = []
    headline_line = ""
    for number, block in enumerate(blocks):
        if (
            word_count(block) <= HEADLINE_MAX_WORDS
            and not block.rstrip().endswith((".", ")", "”", '"'))
            and number + 1 < len(blocks)
        ):
            headline_line = " ".join(block.split())  # a headline over the paragraph after it
            continue
        body = " ".join(block.split())
        pages = "; ".join(m["pages"].strip() for m in PAGE_REFERENCE.finditer(body))
        body = PAGE_REFERENCE.sub("", body).strip()
        masked, _spans = mask_quotes(body)
        spans = sentence_spans(masked)
        first = body[spans[0][0] : spans[0][1]].strip() if spans else body
        headline = headline_line or REPORTING_TAIL.sub("", first.rstrip()).rstrip(" .")
        headline_line = ""
        stories.append((headline, body, pages))
    return stories


# A whole sentence per part of a citation, since the part's name changes the sentence around it
# in other languages.
UNREADABLE = {
    "position": gettext_lazy("The position could not be read from the text: fill it in."),
    "organisation": gettext_lazy("The organisation could not be read from the text: fill it in."),
    "quote": gettext_lazy("The quote could not be read from the text: fill it in."),
}


def drop_placeholders(proposal: ReviewProposal, text: str) -> None:
    """No masked or placeholder text may reach a proposed value: a value holding the mask
    character (which the source does not) is emptied and flagged, never proposed."""
    if MASK in text:
        return
    for index, story in enumerate(proposal.stories):
        for number, citation in enumerate(story.citations):
            for name in ("position", "organisation", "quote"):
                if MASK in getattr(citation, name):
                    setattr(citation, name, "")
                    proposal.flag(
                        f"stories.{index}.citations.{number}.expert",
                        str(UNREADABLE[name]),
                    )
        if MASK in story.headline:
            story.headline = ""
            proposal.flag(f"stories.{index}.headline", _("No headline could be read: write one."))


def read_header(proposal: ReviewProposal, header: str, clean, catalogue: Catalogue) -> None:
    """The title and the section, from what precedes the dateline."""
    lines = [line.strip() for line in header.split("\n") if line.strip()]
    title_lines = [line for line in lines if PRESS_REVIEW_TITLE.search(line)]
    section_hints = [item for crumb in clean.breadcrumbs for item in crumb]
    if title_lines:
        line = title_lines[-1]
        starts = [m.start() for m in PRESS_REVIEW_TITLE.finditer(line)]
        proposal.title = line[starts[-1] :].strip()
        # A breadcrumb run into the title, when line breaks were lost: "Home / World / ...".
        section_hints += re.split(r"\s*[›>»/|\\]\s*", line[: starts[-1]])
    else:
        candidates = [
            line for line in lines if not catalogue.match_section(line) and not years_in(line)
        ]
        if candidates:
            proposal.title = max(candidates, key=len)
        proposal.flag("title", _("The title was guessed: no line starting “Press review:”."))
    section_hints += lines
    for hint in section_hints:
        section = catalogue.match_section(hint.strip())
        if section is not None:
            proposal.section_id, proposal.section_name = section.id, section.name
            break
    else:
        proposal.flag("section", _("No section named in the text: choose one."))


def review_date(proposal, dateline, clean, header, today) -> datetime.date | None:
    """The date of the newspapers reviewed: the dateline's day, and its year if written,
    else the year of the page's publication date, else the year that puts it closest
    before today."""
    if dateline is None:
        proposal.flag("review_date", _("No review date found."))
        return None
    published = years_in("\n".join(clean.published_lines) + "\n" + header)
    year, reference = dateline.year, None
    if year is None and published:
        reference = published[0]
    elif year is None:
        reference = today
    if reference is not None:
        year = reference.year
        try:
            if datetime.date(year, dateline.month, dateline.day) > reference + datetime.timedelta(
                days=2
            ):
                year -= 1
        except ValueError:
            pass
    try:
        date = datetime.date(year, dateline.month, dateline.day)
    except ValueError:
        proposal.flag("review_date", _("The dateline's date does not exist."))
        return None
    if dateline.year is None and not published:
        proposal.flag(
            "review_date", _("The dateline gives no year: %(year)s assumed.") % {"year": year}
        )
    return date


def read_stories(proposal, text, markers, end, catalogue, *, headings: bool = False) -> None:
    people = People(catalogue, outlet_names={key(m.written).removeprefix("the ") for m in markers})
    spellings = sorted(
        {s for outlet in catalogue.outlets for s in outlet.spellings()}
        | {key(m.written) for m in markers}
        | {"the paper", "the newspaper", "the daily", "the weekly"},
        key=len,
        reverse=True,
    )
    segments = []
    for index, marker in enumerate(markers):
        segment_end = markers[index + 1].start if index + 1 < len(markers) else end
        segments.append((marker, text[marker.end : segment_end]))
    people.learn(proposal.lede)
    for _marker, segment in segments:
        people.learn(segment)

    context_text = f"{proposal.title} {proposal.lede}"
    context = content_stems(context_text)
    stories = []
    for marker, segment in segments:
        if headings:
            stories += [(marker, *story, False) for story in heading_stories(segment)]
        else:
            headline, body, unsure = split_story(segment, spellings, context, context_text)
            stories.append((marker, headline, body, "", unsure))
    cited: dict[str, CitationProposal] = {}  # the first citation of each expert
    for index, (marker, headline, body, pages, unsure) in enumerate(stories):
        outlet = outlet_proposal(marker)
        story = StoryProposal(outlet=outlet, headline=headline, body=body, pages=pages)
        proposal.stories.append(story)
        path = f"stories.{index}"
        if outlet.is_new:
            unknown = _(
                "“%(name)s” is not a known outlet: tick “create” to add it, or choose an "
                "existing one."
            ) % {"name": outlet.name}
            if marker.weak:
                unknown += " " + _(
                    "It was taken for an outlet only because it heads a line with a colon."
                )
            proposal.flag(f"{path}.outlet", unknown)
        elif outlet.how == "similar":
            proposal.flag(
                f"{path}.outlet",
                _("“%(written)s” was taken for “%(name)s”: check.")
                % {"written": marker.written, "name": outlet.name},
            )
        if unsure:
            proposal.flag(
                f"{path}.headline",
                _(
                    "Line breaks were lost and the headline's end is uncertain: check where it "
                    "ends."
                ),
            )
        if not headline or not body:
            proposal.flag(f"{path}.body", _("This story seems to have no headline or no text."))
        for mention in find_mentions(body, people):
            if mention.newsmaker:
                if mention.name not in proposal.newsmakers:
                    proposal.newsmakers.append(mention.name)
                continue
            citation = citation_proposal(mention, catalogue)
            expert_key = citation_key(citation)
            if any(citation_key(c) == expert_key for c in story.citations):
                earlier = next(c for c in story.citations if citation_key(c) == expert_key)
                earlier.position = earlier.position or citation.position
                earlier.organisation = earlier.organisation or citation.organisation
                earlier.quote = earlier.quote or citation.quote
                continue
            first = cited.setdefault(expert_key, citation)
            if not citation.position and not citation.organisation:
                citation.position, citation.organisation = first.position, first.organisation
            story.citations.append(citation)
            where = f"{path}.citations.{len(story.citations) - 1}.expert"
            if mention.doubt:
                proposal.flag(where, mention.doubt)
            if citation.is_new:
                proposal.flag(
                    where,
                    _(
                        "“%(name)s” is not a known expert: tick “create” to add them, or choose "
                        "an existing one."
                    )
                    % {"name": citation.name},
                )
            elif citation.how == "similar":
                proposal.flag(
                    where,
                    _("“%(written)s” was taken for “%(name)s”: check.")
                    % {"written": citation.written, "name": citation.name},
                )
    quoted = {fold(c.written) for s in proposal.stories for c in s.citations} | {
        fold(c.name) for s in proposal.stories for c in s.citations
    }
    # Only names written whole in the lede or a story's text: a run of capitals across a lost
    # line break ("Africa Russian") or a Title Case headline is no one.
    running_text = fold(
        " ".join([proposal.lede] + [" ".join(s.body.split()) for s in proposal.stories])
    )
    proposal.mentioned_people = [
        name
        for name in people.mentioned()
        if fold(name) not in quoted
        and re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", running_text)
    ]


def outlet_proposal(marker: Marker) -> OutletProposal:
    if marker.outlet is not None:
        return OutletProposal(
            written=marker.written,
            name=marker.outlet.name,
            outlet_id=marker.outlet.id,
            how=marker.how or "name",
            country=marker.outlet.country,
            language=marker.outlet.language,
        )
    name = marker.written
    if name.isupper():
        name = name.title()
    # A new outlet's country and language are left for the editor: nothing in the text says.
    return OutletProposal(written=marker.written, name=name, how="new")


def citation_proposal(mention, catalogue: Catalogue) -> CitationProposal:
    match = catalogue.match_expert(mention.name)
    citation = CitationProposal(
        written=mention.name,
        name=mention.name,
        position=mention.position,
        organisation=mention.organisation,
        quote=mention.quote,
    )
    if match is not None:
        citation.name, citation.expert_id, citation.how = (
            match.record.name,
            match.record.id,
            match.how,
        )
    return citation


def citation_key(citation: CitationProposal) -> str:
    return f"id:{citation.expert_id}" if citation.expert_id is not None else key(citation.name)
