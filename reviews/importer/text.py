"""The text-level rules of the importer: clean-up, page clutter, datelines, sentences, quotes.

Everything here works on plain strings; nothing knows about outlets or experts.
"""

# The rules match typographic quotes, dashes and separators on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

# Upper-case letters of the Latin scripts, for character classes (Python's re has no \p{Lu}).
UPPER = "".join(chr(code) for code in range(0x41, 0x250) if chr(code).isupper())
# A capitalised word of at least two letters: "Ribeiro", "O'Neill", "Jankauskaitė".
CAP = rf"[{UPPER}][\w'’\-]*\w"


def normalise(text: str) -> str:
    """One kind of line break and space, no Markdown emphasis, each line's spaces collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for invisible in ("\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"):
        text = text.replace(invisible, "")
    text = re.sub(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    text = re.sub(r"\*\*|__", "", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def word_count(text: str) -> int:
    return len(text.split())


# Page clutter

SHARE_WORDS = {
    "share", "tweet", "email", "e-mail", "mail", "print", "copy", "link", "facebook", "twitter",
    "x", "linkedin", "whatsapp", "telegram", "reddit", "pinterest", "bluesky", "mastodon",
    "threads", "save", "bookmark", "on", "via", "this", "article", "review", "story", "page",
    "the", "by", "comments", "comment", "flipboard", "messenger",
}  # fmt: skip
SEPARATORS = "·•|/,›>»"
CLUTTER_LINE = re.compile(
    r"^(?:skip to (?:main )?content|menu|search|log ?in|sign ?in|sign up.*|subscribe.*|"
    r"advertisement|advert|sponsored(?: content)?|ad|newsletter.*|back to top|"
    r"listen to (?:this|the) (?:article|review).*|\d+ min(?:ute)?s? read|reading time.*|"
    r"(?:photo|image|picture|caption|video)\s*[:(].*|(?:tags|topics|keywords)\s*:.*|"
    r"(?:terms|privacy|cookies|contact|about us|imprint)(?:\s*[·•|/]\s*\w[\w ]*)*|"
    r"(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\b.*|"
    r"comments?(?: \(\d+\))?|print(?: this)?(?: page| article| review)?|font size.*)$",
    re.IGNORECASE,
)
RELATED_HEADER = re.compile(
    r"^(?:related(?: reviews| articles| stories| content| press reviews)?|"
    r"you (?:may|might) also like|read (?:also|more|next)|see also|more (?:press reviews|from .*)|"
    r"most read|recommended(?: for you)?|latest(?: reviews| press reviews)?|also in .*)\s*:?$",
    re.IGNORECASE,
)
BREADCRUMB = re.compile(r"^(?:home|start|front page|main page)\s*[›>»/|\\]\s*\S", re.IGNORECASE)
PUBLISHED_LINE = re.compile(
    r"^(?:published|updated|posted|last updated|first published)\b.*", re.IGNORECASE
)
RELATED_LIST_MAX = 12
CLUTTER_MAX_WORDS = 20


def is_share_line(line: str) -> bool:
    words = [w for w in re.split(rf"[\s{re.escape(SEPARATORS)}]+", line.casefold()) if w]
    return bool(words) and len(words) <= 10 and all(w.strip(":") in SHARE_WORDS for w in words)


@dataclass
class CleanText:
    text: str
    dropped: list[str]
    breadcrumbs: list[list[str]]
    published_lines: list[str]


def remove_clutter(text: str) -> CleanText:
    """Drop page clutter line by line: navigation, breadcrumbs, share and copyright lines,
    "related"/"you may also like" lists, advertisements, and a title repeated on the next line.

    Breadcrumbs and publication lines are kept aside: they tell the section and the year.
    """
    lines = text.split("\n")
    kept, dropped, breadcrumbs, published = [], [], [], []
    seen_short: set[str] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        index += 1
        if not stripped:
            kept.append("")
            continue
        if word_count(stripped) > CLUTTER_MAX_WORDS:
            kept.append(stripped)  # running text, even if it mentions "share" or "©"
            continue
        if BREADCRUMB.match(stripped):
            breadcrumbs.append([p.strip() for p in re.split(r"\s*[›>»/|\\]\s*", stripped)])
            dropped.append(stripped)
            continue
        if PUBLISHED_LINE.match(stripped):
            published.append(stripped)
            dropped.append(stripped)
            continue
        if CLUTTER_LINE.match(stripped) or is_share_line(stripped):
            dropped.append(stripped)
            continue
        if RELATED_HEADER.match(stripped):
            dropped.append(stripped)
            # The list under it: short lines, up to a blank line.
            taken = 0
            while index < len(lines) and taken < RELATED_LIST_MAX:
                item = lines[index].strip()
                if not item or word_count(item) > 20 or item.endswith("."):
                    break
                dropped.append(item)
                index += 1
                taken += 1
            continue
        # A short line seen before (the title above the headline, a repeated label).
        if 3 <= word_count(stripped) <= 25 and not stripped.endswith(":"):
            folded = stripped.casefold()
            if folded in seen_short:
                dropped.append(stripped)
                continue
            seen_short.add(folded)
        kept.append(stripped)
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return CleanText(cleaned, dropped, breadcrumbs, published)


# Inline clutter (when line breaks are lost, it sits in the running text).
TRAILING_CLUTTER = re.compile(
    r"\s(?:You (?:may|might) also like|Related (?:reviews|articles|stories)|Read (?:more|also)\s*:|"
    r"More press reviews|Share this (?:review|article|story)|©|\(c\) \d{4}|Copyright \d{4}|"
    r"All rights reserved)",
)


# Dates

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)


def _date(suffix: str) -> str:
    return (
        rf"(?:(?P<month_a{suffix}>{MONTH})\s+(?P<day_a{suffix}>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<year_a{suffix}>(?:19|20)\d\d))?"
        rf"|(?P<day_b{suffix}>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month_b{suffix}>{MONTH})"
        rf"(?:,?\s+(?P<year_b{suffix}>(?:19|20)\d\d))?)"
    )


def date_parts(match: re.Match, suffix: str = "") -> tuple[int, int, int | None] | None:
    """(month, day, year or None) from a match of `_date(suffix)`, or None if impossible."""
    for variant in ("a", "b"):
        month = match.group(f"month_{variant}{suffix}")
        if month:
            day = int(match.group(f"day_{variant}{suffix}"))
            year = match.group(f"year_{variant}{suffix}")
            number = MONTHS[month.rstrip(".").casefold()]
            if not 1 <= day <= 31:
                return None
            return number, day, int(year) if year else None
    return None


DATED = re.compile(rf"(?<!\w){_date('')}(?!\w)")
ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")


def years_in(text: str) -> list[datetime.date]:
    """Full dates (with a year) written in `text`, e.g. "Published 9 April 2026"."""
    found = []
    for match in DATED.finditer(text):
        parts = date_parts(match)
        if parts and parts[2]:
            try:
                found.append(datetime.date(parts[2], parts[0], parts[1]))
            except ValueError:
                continue
    for year, month, day in ISO_DATE.findall(text):
        try:
            found.append(datetime.date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return found


AGENCY = r"(?:/(?P<agency{n}>[^/\n]{{1,40}})/|\((?P<agency_p{n}>[^()\n]{{1,40}})\))"
DATELINE_TAIL = (
    r"[ \t]*(?:{agency1}[ \t]*)?{separator}[ \t]*{date}\.?[ \t]*(?:{agency2})?[ \t]*"
    r"(?P<end>[.:]+|[-–—]+|(?=\n)|$)"
)
DATELINE_TAIL_COMMA = DATELINE_TAIL.format(
    agency1=AGENCY.format(n=1), separator=",", date=_date(""), agency2=AGENCY.format(n=2)
)
# A city in capitals may be followed by a full stop: "MOSCOW. March 3 (Agency) -".
DATELINE_TAIL_CAPS = DATELINE_TAIL.format(
    agency1=AGENCY.format(n=1), separator="[,.]", date=_date(""), agency2=AGENCY.format(n=2)
)
CITY_CAPS = rf"(?P<city>[{UPPER}][{UPPER}'’.\-]+(?:[ \-][{UPPER}][{UPPER}'’.\-]*){{0,3}})"
CITY_MIXED = (
    rf"(?P<city>{CAP}(?:[ \t]+(?:(?:de|da|do|del|la|le|am|upon|on|sur)[ \t]+)?{CAP}){{0,2}})"
)
NOT_CITIES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "published",
    "updated", "posted", "today", "yesterday", "on", "since", "until", "by", "from",
}  # fmt: skip
DATELINES = [
    # LISBON, March 3 /Agency/.   KLAIPĖDA (Agency), 14 March —   anywhere
    re.compile(rf"(?<![\w{UPPER}]){CITY_CAPS}(?!\w){DATELINE_TAIL_CAPS}"),
    # Lisbon, March 3 —   Rio de Janeiro, 3 March (Agency) -   at the start of a line
    re.compile(rf"(?m)^{CITY_MIXED}{DATELINE_TAIL_COMMA}"),
    # ... Lisbon, March 3 — in running text: one capitalised word only
    re.compile(rf"(?<!\w)(?P<city>{CAP}){DATELINE_TAIL_COMMA}"),
]


@dataclass
class Dateline:
    start: int
    end: int
    city: str
    month: int
    day: int
    year: int | None
    agency: str


def find_dateline(text: str) -> Dateline | None:
    """The first dateline in the text: "LISBON, March 3 /Agency/." and its variants."""
    best = None
    for pattern in DATELINES:
        for match in pattern.finditer(text):
            city = match.group("city").strip()
            if city.casefold() in NOT_CITIES or city.split()[0].casefold() in NOT_CITIES:
                continue
            parts = date_parts(match)
            if parts is None:
                continue
            if best is None or match.start() < best.start:
                agency = next(
                    (
                        match.group(group)
                        for group in ("agency1", "agency_p1", "agency2", "agency_p2")
                        if match.group(group)
                    ),
                    "",
                )
                best = Dateline(match.start(), match.end(), city, *parts, agency=agency.strip())
            break
    return best


# Quotes and sentences

QUOTES = re.compile(r"“[^”]{2,}?”|\"[^\"\n]{2,}?\"|«[^»]{2,}?»|„[^“”\n]{2,}?[“”]")
ABBREVIATIONS = {
    "dr", "prof", "mr", "mrs", "ms", "mx", "st", "no", "jr", "sr", "gen", "col", "lt", "sgt",
    "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "approx", "dept", "univ", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "rev",
}  # fmt: skip
SENTENCE_END = re.compile(rf"[.!?…]+[\"”’»)]*(?=\s+(?:[\"“‘«(]|[{UPPER}0-9]))")
MASK = "~"


def mask_quotes(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with the inside of each quotation replaced by MASK (same length), and the spans.

    A final full stop, question or exclamation mark inside the quotation is kept, so that a
    sentence can still end there; names and verbs inside quotations are not seen.
    """
    spans, masked = [], list(text)
    for match in QUOTES.finditer(text):
        start, end = match.span()
        spans.append((start, end))
        for position in range(start + 1, end - 1):
            masked[position] = MASK
        if text[end - 2] in ".!?":
            masked[end - 2] = text[end - 2]
    return "".join(masked), spans


def sentence_spans(masked: str) -> list[tuple[int, int]]:
    """Where each sentence starts and ends in a quote-masked text."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(masked):
        before = masked[start : match.start()].split()
        last_word = before[-1].casefold().rstrip(".") if before else ""
        if last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(masked) and masked[start].isspace():
            start += 1
    if start < len(masked) and masked[start:].strip():
        spans.append((start, len(masked)))
    return spans


def clean_quote(text: str) -> str:
    """A quotation without its marks, trailing comma or surrounding space."""
    inner = text[1:-1].strip()
    return inner.rstrip(",;: ").strip()
