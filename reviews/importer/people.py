"""Who is quoted: experts found from attribution phrases, newsmakers and people merely named
listed apart. See docs/IMPORTING.md, "Experts: the papers' own sources".
"""

# The rules match typographic quotes, dashes and separators on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from reviews.importer.catalogue import Catalogue, fold
from reviews.importer.text import CAP, MASK, UPPER, clean_quote, mask_quotes, sentence_spans

SAYING = (
    "told|tells|said|says|explained|explains|warned|warns|argued|argues|noted|notes|"
    "emphasi[sz]ed|emphasi[sz]es|believes|believed|stressed|stresses|added|adds|"
    "pointed out|points out|observed|observes|cautioned|cautions|predicted|predicts|"
    "estimated|estimates|reckons|reckoned|thinks|insisted|insists|suggested|suggests|"
    "wrote|commented|comments|remarked|remarks|recalled|recalls|concluded|concludes|"
    "maintains|maintained|contends|contended|acknowledged|acknowledges|admitted|admits|"
    "expects|doubts|doubted|fears|feared|calculated|calculates|underlined|underlines|"
    "asserted|asserts|countered|counters|complained|complains|conceded|concedes|"
    "explained|predicted|forecast|forecasts|agreed|agrees|disagreed|disagrees|put it|puts it|"
    "stated|states|calls(?! for| on| up| off)|called(?! for| on| up| off)|"
    "specified|specifies|clarified|clarifies|assumes|assumed|projects|projected|"
    "(?:is|was|are|were) (?:convinced|confident|certain|sure)|"
    "(?:is|was) (?:quoted|cited)(?: by [^,.;]{1,40}?)? as saying|reminded|reminds|assured|"
    "assures|summed up|sums up"
)
# Verbs after which the speaker is named: '"...", said Ana Ribeiro'; 'the paper quotes X'.
SAYING_BEFORE_NAME = (
    "said|says|added|adds|told|explained|warned|noted|argued|wrote|quoted|quotes|cited|cites|"
    "interviewed|interviews|asked|asks"
)
VERB = re.compile(rf"\b(?:{SAYING})\b")
SUBJECT_REACH = 300  # characters before a verb in which its subject is looked for
VERB_BEFORE_NAME = re.compile(rf"\b(?:{SAYING_BEFORE_NAME})\b")

PARTICLE = (
    r"(?:da|de|do|dos|das|del|della|di|du|van|von|der|den|la|le|bin|ibn|al|ter|ten|y|"
    r"Ó|Ní|Uí|Mac|Nic)"
)
HONORIFIC = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx|Sir|Dame)\.?\s+)"
INITIAL = rf"[{UPPER}]\."
# A family name may carry a lower-case prefix joined by a hyphen: "al-Farsi", "bin-Saleh".
PREFIXED_CAP = rf"(?:(?:al|el|ad|ar|as|ash|at|an|ud|abu|bin|ibn|ben)-)?{CAP}"
# "Ana Ribeiro", "J. R. Mendes", "Laura A. Ozola-Nowak", "María de la Fuente", "Omar al-Farsi",
# "Pieter van der Berg": capitalised words, initials, and up to two particles between them.
NAME = (
    rf"(?:{HONORIFIC})?(?:{INITIAL}\s*){{0,3}}{PREFIXED_CAP}"
    rf"(?:\s+(?:(?:{PARTICLE}|{INITIAL})\s+){{0,2}}{PREFIXED_CAP}){{0,4}}"
)
ORG = rf"{CAP}(?:\s+(?:(?:of|for|and|the|de|da|do|del|on|in|&)\s+)*(?:{CAP}|&))*"

NAME_RE = re.compile(rf"(?<![\w{UPPER}]){NAME}")
# The subject right before a verb: '<Name>, <apposition>,' / '<Name> of <Org>' / '<Name>'.
BEFORE_VERB_APPOSITION = re.compile(rf"(?P<name>{NAME}),\s*(?P<appos>[^,]{{2,160}}?)\s*,\s*$")
BEFORE_VERB_ORG = re.compile(
    rf"(?P<name>{NAME})\s+(?:of|at|from|with)\s+(?:the\s+)?(?P<org>{ORG})\s*,?\s*$"
)
BEFORE_VERB_BARE = re.compile(rf"(?P<name>{NAME})\s*,?\s*$")
# "Head of the Center for Strategic Studies" written before a name, without a comma.
ROLE_OF_ORG = re.compile(
    rf"(?P<pos>(?:[\w\-]+\s+){{0,2}}[\w\-]+)\s+(?:of|at)\s+(?:the\s+)?(?P<org>{ORG})\s*$"
)
# What may stand between the subject and its verb: "Ribeiro, who argued", "Costa also said".
BETWEEN_SUBJECT_AND_VERB = re.compile(
    r"(?:,?\s*(?:who|also|further|however|then|again|too|later|for (?:his|her|their) part)"
    r"\s*,?\s*)+$"
)
AFTER_VERB = re.compile(
    rf"^\s+(?P<pre>(?:[a-z][\w\-]*\s+){{0,3}})(?P<name>{NAME})"
    rf"(?:\s*,\s*(?P<appos>[^,.;:]{{2,160}}?)(?=\s*[,.;:]|\s*$))?"
)
ACCORDING_TO = re.compile(
    r"\b(?:[Aa]ccording to|[Ii]n the (?:view|opinion|words|estimate) of)"
    rf"\s+(?P<pre>(?:[a-z][\w\-]*\s+){{0,3}})(?P<name>{NAME})"
    rf"(?:\s*,\s*(?P<appos>[^,.;:]{{2,160}}?)(?=\s*[,.;:]))?"
)
# "In Petrov's view", "in Ana Ribeiro's opinion".
IN_NAMES_VIEW = re.compile(
    rf"\b[Ii]n\s+(?P<pre>(?:[a-z][\w\-]*\s+){{0,3}})(?P<name>{NAME})['’]s\s+"
    r"(?:view|opinion|words|estimate|estimation|assessment|judgement|judgment)\b"
)
PRONOUN_SAYS = re.compile(
    rf"\b(?:she|he|they)\s+(?:also\s+)?(?:{SAYING})\b|\b(?:{SAYING_BEFORE_NAME})\s+(?:she|he)\b",
    re.IGNORECASE,
)
# "The expert believes ...", "the analyst warned": the person cited last, again.
THE_EXPERT_SAYS = re.compile(
    r"\b(?:the|this|that)\s+(?P<role>[a-z][a-z\-]+)\s+(?:also\s+)?(?:"
    + SAYING
    + r")\b|\baccording to the (?P<role2>[a-z][a-z\-]+)\b",
    re.IGNORECASE,
)

# Sources and newsmakers. The papers' own sources talked to the paper; newsmakers made their
# statement in public (the statement is the news). The phrase lists are what to extend.
TO_THE_PAPER = (
    r"(?:the|this|that|our)\s+(?:paper|newspaper|daily|weekly|publication|outlet|magazine|"
    r"tabloid|broadsheet|business daily|publication's correspondent|paper's correspondent)"
)
SOURCE_CUES = re.compile(
    rf"\b(?:told|tells|said to|explained to|admitted to|confided to|speaking to|talking to|"
    rf"in an? (?:interview|conversation|comment)s? (?:with|to|for)|"
    rf"(?:interviewed|quoted|cited|contacted|asked) by)\s+"
    rf"(?P<whom>{TO_THE_PAPER}|[{UPPER}][^\s,.;:]*)"
    rf"|\b(?:{TO_THE_PAPER})\s+(?:quotes|quoted|cites|cited|interviewed|interviews|asked|asks|"
    rf"spoke to|spoke with|talked to)\b"
    rf"|\b(?:according to|in the (?:view|opinion|words|estimate) of)\b"
    rf"|\bas \S+(?: \S+){{0,4}} put it\b",
    re.IGNORECASE,
)
# Whom a statement was told to that makes it public, not an interview: "told Parliament".
PUBLIC_AUDIENCES = {
    "parliament", "congress", "senate", "lawmakers", "reporters", "journalists", "deputies",
    "the", "a", "an", "delegates", "members", "supporters", "state", "television", "tv",
    "radio", "voters", "the duma", "duma", "cabinet", "ministers", "him", "her", "them",
}  # fmt: skip
NEWSMAKER_CUES = re.compile(
    r"\b(?:at|during|after|before)\s+(?:a|an|the|his|her|their|Monday's|Tuesday's|Wednesday's|"
    r"Thursday's|Friday's|Saturday's|Sunday's)?\s*(?:\w+\s+){0,2}?(?:news conference|press "
    r"conference|briefing|press briefing|summit|rally|session|hearing|plenary|meeting|forum|"
    r"ceremony|congress|press event)"
    r"|\bin (?:a|an|the|his|her|its|their)\s+(?:\w+\s+){0,2}?(?:statement|address|speech|"
    r"post|video|decree|communiqu[eé]|press release|message|letter|interview with (?:state )?"
    r"(?:television|TV|radio))"
    r"|\b(?:on|via)\s+(?:Telegram|X|Twitter|Facebook|Instagram|VK|VKontakte|WhatsApp|"
    r"social media|(?:state |national |public )?(?:television|TV|radio)|(?:his|her|their|its) "
    r"(?:Telegram|X|Twitter|Facebook|Instagram|VK|official|personal)\b)"
    r"|\bin parliament\b|\bfrom the rostrum\b|\bwrote on\b",
    re.IGNORECASE,
)
# Titles of office: said without an interview, these are the news, not a source.
OFFICE_TITLES = {
    "minister", "premier", "president", "vice-president", "governor", "mayor", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "chancellor", "senator", "lawmaker", "mp",
    "mep", "secretary", "secretary-general", "commissioner", "prosecutor", "king", "queen",
    "prince", "princess", "emir", "sheikh", "envoy", "consul", "deputy", "speaker", "mufti",
    "patriarch", "pope", "voivode", "prefect", "councillor", "councilor", "congressman",
    "congresswoman", "official", "representative",
}  # fmt: skip
# Bodies whose president or secretary is not an office holder of a state.
CIVIL_BODIES = {
    "association", "union", "federation", "chamber", "society", "company", "group", "institute",
    "center", "centre", "university", "academy", "league", "club", "foundation", "council",
    "forum", "network", "alliance", "coalition", "bank", "fund", "party", "corporation",
}  # fmt: skip
# Roles of the papers' usual sources: one of them speaking in public is a doubt, not a verdict.
EXPERT_ROLES = {
    "economist", "analyst", "expert", "professor", "researcher", "scientist", "lecturer",
    "fellow", "historian", "sociologist", "lawyer", "strategist", "consultant", "scholar",
    "academic", "specialist", "political scientist", "observer", "commentator",
}  # fmt: skip

ROLE_NOUNS = {
    "economist", "analyst", "professor", "lecturer", "researcher", "fellow", "director", "head",
    "chief", "expert", "scientist", "historian", "sociologist", "lawyer", "attorney",
    "strategist", "engineer", "consultant", "adviser", "advisor", "dean", "chairman",
    "chairwoman", "chair", "chairperson", "president", "spokesperson", "spokesman",
    "spokeswoman", "partner", "specialist", "commentator", "observer", "minister", "secretary",
    "governor", "mayor", "leader", "manager", "executive", "officer", "founder", "co-founder",
    "author", "editor", "columnist", "diplomat", "ambassador", "judge", "prosecutor",
    "physician", "doctor", "planner", "architect", "scholar", "academic", "trader", "banker",
    "broker", "investor", "coordinator", "representative", "member", "deputy", "senator",
    "ombudsman", "auditor", "accountant", "statistician", "pollster", "lawmaker", "ceo", "cfo",
    "owner", "farmer", "grower", "campaigner", "negotiator", "curator", "teacher", "rector",
    "surgeon", "nurse", "veterinarian", "journalist", "reporter", "writer", "entrepreneur",
    "treasurer", "inspector", "commissioner", "regulator", "administrator", "official",
    "envoy", "consul", "general", "admiral", "colonel", "captain", "commander", "mp", "mep",
    "councillor", "councilor", "pilot", "skipper", "fisherman", "docker", "advocate",
}  # fmt: skip
ROLE_SUFFIXES = ("ologist", "onomist", "ician", "ographer", "ist")
TITLE_WORDS = ROLE_NOUNS | {
    "prime", "vice", "prof", "dr", "mr", "mrs", "ms", "mx", "sir", "dame", "lord", "lady",
    "king", "queen", "prince", "princess", "pope", "bishop", "archbishop", "cardinal", "sheikh",
    "emir", "premier", "chancellor", "justice", "former", "senior", "junior", "acting",
    "interim", "opposition", "state", "finance", "foreign", "interior", "health", "economy",
    "defence", "defense", "labour", "labor", "education", "energy", "transport", "agriculture",
    "environment", "culture", "tourism", "trade", "industry", "fisheries", "housing",
}  # fmt: skip
LEADING_WORDS = {
    "the", "a", "an", "in", "on", "at", "according", "as", "but", "and", "however",
    "meanwhile", "while", "when", "after", "before", "also", "yet", "so", "still", "speaking",
    "writing", "asked", "quoted", "for", "with", "from", "by", "its", "his", "her", "their",
    "this", "that", "these", "those", "both", "some", "many", "most", "last", "next", "if",
    "then", "there", "here", "our", "we", "they", "he", "she", "it", "although", "though",
    "since", "until", "despite", "under", "over", "only", "even", "each", "every", "all",
    "instead", "indeed", "moreover", "interviewed", "contacted", "citing", "quoting", "to",
    "of", "like", "unlike",
}  # fmt: skip
# Capitalised words that open a sentence and never belong to a name.
SENTENCE_OPENERS = {
    "from", "during", "following", "amid", "earlier", "later", "today", "yesterday", "tomorrow",
    "experts", "analysts", "officials", "several", "what", "why", "how", "who", "where",
    "not", "no", "none", "such", "another", "other", "more", "less", "nearly", "almost",
}  # fmt: skip
CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
}  # fmt: skip
ORG_WORDS = {
    "bank", "banco", "banca", "institute", "instituto", "university", "universidad",
    "universidade", "college", "school", "academy", "ministry", "association", "council",
    "agency", "group", "company", "federation", "union", "commission", "party", "court",
    "office", "fund", "centre", "center", "foundation", "authority", "forum", "society",
    "corporation", "corp", "holdings", "holding", "government", "parliament", "assembly",
    "committee", "board", "observatory", "laboratory", "hospital", "airlines", "airline",
    "railways", "systems", "partners", "capital", "research", "station", "exchange",
    "treasury", "police", "army", "navy", "faculty", "department", "chamber", "network",
    "alliance", "coalition", "league", "club", "trust", "services", "industries", "advisers",
    "consulting", "consultants", "ltd", "inc", "gmbh", "plc", "llc", "museum", "library",
    "initiative", "programme", "program", "cooperative", "states", "kingdom", "republic",
    "islands", "sea", "river", "valley", "coast", "mountains", "county", "province", "region",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "national", "european", "international", "port", "harbour", "airport", "terminal",
}  # fmt: skip
OUTLET_WORDS = {
    "gazette", "gazeta", "gaceta", "gazzetta", "times", "post", "journal", "jornal", "herald",
    "heraldo", "diário", "diario", "daily", "news", "noticias", "notícias", "courier",
    "kurier", "courrier", "correio", "corriere", "correo", "tribune", "tribuna", "observer",
    "chronicle", "review", "express", "expresso", "mail", "telegraph", "standard", "guardian",
    "mirror", "star", "record", "voice", "voz", "voce", "weekly", "monitor", "bulletin",
    "dispatch", "register", "ledger", "sentinel", "press", "presse", "prensa", "globe",
    "independent", "inquirer", "echo", "eco", "periódico", "periodico", "folha", "zeitung",
    "tageblatt", "blatt", "rundschau", "nachrichten", "dziennik", "gazet", "lantern",
    "beacon", "messenger", "mercury", "examiner", "advertiser", "gleaner", "clarion", "argus",
    "telegram", "radio", "tv", "television", "magazine", "revista", "wire", "faro", "pravda",
    "vedomosti", "kurjer", "kurir", "nieuws", "krant", "avisen", "tidning", "sanomat",
}  # fmt: skip
# Words around a role that end it: "the paper quotes economist X" is not "paper quotes economist".
NOT_MODIFIERS = LEADING_WORDS | {
    "is", "was", "are", "were", "has", "have", "had", "been", "paper", "newspaper", "daily",
    "weekly", "who", "which", "that", "or", "says", "said", "quotes", "quoted", "cites", "cited",
    "told", "writes", "reports", "interviews", "interviewed", "asks", "asked",
}  # fmt: skip


def is_role(word: str) -> bool:
    word = word.casefold().strip(".,")
    if word in ROLE_NOUNS:
        return True
    return len(word) > 5 and word.endswith(ROLE_SUFFIXES)


def is_title(word: str) -> bool:
    return word.casefold().strip(".") in TITLE_WORDS or is_role(word)


def lower_first(phrase: str) -> str:
    """ "Marine biologist" -> "marine biologist", but "Finance Minister" stays as written."""
    words = phrase.split()
    acronym = len(words[0]) > 1 and words[0][1:2].isupper() if words else False
    if (
        words
        and words[0][:1].isupper()
        and not acronym
        and not any(w[:1].isupper() for w in words[1:])
    ):
        return phrase[:1].lower() + phrase[1:]
    return phrase


def strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE).strip(" ,.;")


def split_position(appos: str) -> tuple[str, str]:
    """(position, organisation) from an apposition like "a senior economist at Banco Norte"."""
    text = " ".join(appos.split()).strip(" ,.;")
    text = re.sub(r"^who\s+(?:is|was|serves as|works as)\s+", "", text, flags=re.IGNORECASE)
    if re.match(r"^who\b", text, re.IGNORECASE):
        return "", ""
    text = re.split(r"\s+(?:who|which|whose|and who)\b", text, maxsplit=1)[0]
    possessive = re.match(rf"^(?:the\s+)?(?P<org>{ORG})['’]s\s+(?P<pos>.+)$", text)
    if possessive:
        position, organisation = possessive["pos"], possessive["org"]
    elif match := re.match(rf"^(?:of|at|from|with)\s+(?:the\s+)?(?P<org>{ORG})$", text):
        position, organisation = "", match["org"]
    else:
        # At the first "at/with/from/for/in <Capital>" or "of the <Capital>": "head of the
        # Arctic Center at the Higher School" is a head, of the Arctic Center at the School.
        parts = re.split(
            rf"\s+(?:(?:at|with|from|for|in)\s+(?:the\s+)?|of\s+the\s+)(?=[{UPPER}])",
            text,
            maxsplit=1,
        )
        if len(parts) == 1:
            parts = re.split(rf"\s+of\s+(?:the\s+)?(?=[{UPPER}])", text, maxsplit=1)
        position, organisation = parts[0], parts[1] if len(parts) > 1 else ""
    position = strip_article(position)
    if position and not any(is_role(word) for word in position.split()):
        position = ""
    organisation = strip_article(organisation)
    if organisation and not organisation[:1].isupper():
        organisation = ""
    if not position and not organisation:
        return "", ""
    return lower_first(position), organisation


def role_before(words: list[str]) -> tuple[str, str]:
    """The (position, organisation) written just before a name, from the words before it.

    "Textile economist", "The Fisheries Council's chief scientist", "Lisbon Institute of
    Finance economist", "aviation consultant"; ("", "") when the words end in no role.
    """
    if not words or not is_role(words[-1]):
        return "", ""
    # A comma or a quotation before the role ends what belongs to it: "On Monday, economist X
    # said", '"...," union leader X told'. Masked quotation text never reaches a position.
    after_comma = max((i + 1 for i, word in enumerate(words[:-1]) if ends_clause(word)), default=0)
    words = [word.strip(",;:") for word in words[after_comma:]]
    index = len(words) - 1
    while index > 0 and len(words) - index < 4:
        word = words[index - 1]
        if word.casefold() in NOT_MODIFIERS or word.endswith(("'s", "’s")):
            break
        if word[:1].isupper() and index - 1 > 0:
            break  # a capitalised word mid-sentence: the organisation, not a modifier
        index -= 1
    position = " ".join(words[index:])
    organisation_words = []
    cursor = index - 1
    if cursor >= 0 and words[cursor].endswith(("'s", "’s")):
        organisation_words.append(words[cursor][:-2])
        cursor -= 1
    elif cursor >= 0 and not words[cursor][:1].isupper():
        cursor = -1
    while cursor >= 0 and organisation_words is not None:
        word = words[cursor]
        capitalised = word[:1].isupper() and word.casefold() not in LEADING_WORDS
        joining = word in {"of", "for", "and", "&", "de", "da", "do"} and cursor > 0
        if not (capitalised or joining):
            break
        organisation_words.append(word)
        cursor -= 1
    while organisation_words and not organisation_words[-1][:1].isupper():
        organisation_words.pop()
    organisation = " ".join(reversed(organisation_words))
    return lower_first(position), organisation


CLOSING_MARKS = "\"”’»'"


def ends_clause(word: str) -> bool:
    """Whether `word` closes what came before it: punctuation, or a quotation's edge."""
    return (
        word.rstrip(CLOSING_MARKS)[-1:] in ",;:.!?"
        or MASK in word
        or word[:1] in '"“‘«„'
        or word[-1:] in '"”»'  # an apostrophe is no quote: "Commuters' advocate"
    )


@dataclass
class Person:
    name: str
    title: str = ""  # words peeled off the front, e.g. "Finance Minister"
    prefix: str = ""  # the end of an organisation's name run into the name: "Strategic Studies"


def split_name(raw: str) -> Person | None:
    """A person's name from a run of capitalised words, or None if it is not one.

    Titles and sentence openers in front are peeled off ("Prime Minister Tomás Leal",
    "Meanwhile Ana Ribeiro", "Dr. Filipa Guerra"); what remains must look like a name.
    """
    raw = re.sub(rf"^{HONORIFIC}", "", raw.strip())
    tokens = raw.split()
    title: list[str] = []
    # The last title word that leaves a name after it: "Sintra Mayor Rita Sousa".
    last_title = max(
        (i for i in range(len(tokens) - 1) if is_title(tokens[i])),
        default=-1,
    )
    if last_title >= 0:
        title, tokens = tokens[: last_title + 1], tokens[last_title + 1 :]
    while tokens and tokens[0].casefold() in LEADING_WORDS and len(tokens) > 1:
        tokens = tokens[1:]
    # A sentence's first word run into a name when line breaks were lost: "Lisbon The".
    for position, token in enumerate(tokens[1:], start=1):
        if token[:1].isupper() and token.casefold() in LEADING_WORDS | SENTENCE_OPENERS:
            tokens = tokens[:position]
            break
    title = [t for t in title if t.casefold() not in LEADING_WORDS]
    if not tokens:
        return None
    folded = [fold(t) for t in tokens]
    if any(t in CALENDAR for t in folded) or folded[0] in LEADING_WORDS:
        return None
    prefix: list[str] = []
    organisational = [
        i for i, t in enumerate(folded) if t.removesuffix("'s") in ORG_WORDS or t in OUTLET_WORDS
    ]
    if organisational:
        # "... Strategic Studies Ivan Petrov": the end of an organisation's name, then a name.
        cut = organisational[-1] + 1
        if len(tokens) - cut < 2 or title:
            return None
        prefix, tokens = tokens[:cut], tokens[cut:]
    if any(t.endswith(("'s", "’s")) for t in tokens):
        return None
    return Person(" ".join(tokens), " ".join(title), " ".join(prefix))


@dataclass
class Mention:
    """One attribution of a statement to a person, in one sentence."""

    name: str
    position: str
    organisation: str
    quote: str
    sentence: int
    newsmaker: bool = False  # a public statement: the person is the news, not a source
    doubt: str = ""  # why the parser is unsure of that, for the editor


@dataclass
class People:
    """The people of one review: full names seen anywhere, to resolve later surnames."""

    catalogue: Catalogue
    outlet_names: set[str] = field(default_factory=set)
    full_names: dict[str, str] = field(default_factory=dict)  # folded -> as written
    by_surname: dict[str, str | None] = field(default_factory=dict)
    newsmakers: dict[str, str] = field(default_factory=dict)  # folded -> as written
    sources: set[str] = field(default_factory=set)  # folded names quoted as sources

    def is_outlet(self, name: str) -> bool:
        folded = fold(name)
        bare = folded.removeprefix("the ")
        return self.catalogue.is_outlet_name(name) or bare in self.outlet_names

    def person(self, raw: str) -> Person | None:
        person = split_name(raw)
        if person is None or self.is_outlet(person.name) or self.is_outlet(raw):
            return None
        return person

    def learn(self, text: str) -> None:
        """Remember every full name in `text`, so that a later surname can be resolved."""
        masked, _spans = mask_quotes(text)
        for match in NAME_RE.finditer(masked):
            if re.match(r"['’](?!s\b)", masked[match.end() : match.end() + 2]):
                continue  # a plural possessive: "the Dublin Exporters' Forum"
            person = self.person(match.group())
            if person is None:
                continue
            before = masked[max(0, match.start() - 8) : match.start()]
            if re.search(r"\b(?:of|for)\s+(?:the\s+)?$", before):
                # The end of an organisation's name ("Institute of Arid Lands"), perhaps with
                # a name after it ("Center for Strategic Assessments Pavel Orlov").
                if len(person.name.split()) < 3:
                    continue
                person = after_organisation(person, before)
            if len(person.name.split()) < 2:
                continue
            folded = fold(person.name)
            self.full_names.setdefault(folded, person.name)
            words = person.name.split()
            for surname in {words[-1], " ".join(words[-2:]), " ".join(words[1:])}:
                known = self.by_surname.get(fold(surname), folded)
                self.by_surname[fold(surname)] = folded if known == folded else None

    def resolve(self, raw: str) -> Person | None:
        """The person `raw` names: a full name, or the surname of someone named before."""
        person = self.person(raw)
        if person is None:
            return None
        # A surname may have several words ("De la Vega", "Van der Molen" at a sentence's
        # start): the longer name seen before is the person.
        folded = self.by_surname.get(fold(person.name))
        if folded and folded != fold(person.name):
            return Person(self.full_names[folded])
        return person if len(person.name.split()) >= 2 else None

    def mentioned(self) -> list[str]:
        return list(self.full_names.values())


def find_mentions(body: str, people: People) -> list[Mention]:
    """Every attribution in a story's body, in order, with its direct quotation if any."""
    masked, quote_spans = mask_quotes(body)
    sentences = sentence_spans(masked)
    mentions: list[Mention] = []
    used_quotes: set[tuple[int, int]] = set()

    def quote_near(index: int, position: int) -> str:
        start, end = sentences[index]
        inside = [q for q in quote_spans if start <= q[0] < end and q not in used_quotes]
        if not inside and masked[start:end].rstrip().endswith(":") and index + 1 < len(sentences):
            next_start, next_end = sentences[index + 1]
            inside = [q for q in quote_spans if next_start <= q[0] < next_end][:1]
        if not inside:
            return ""
        chosen = min(inside, key=lambda q: abs(q[0] - position))
        used_quotes.add(chosen)
        return clean_quote(body[chosen[0] : chosen[1]])

    for index, (start, end) in enumerate(sentences):
        sentence = masked[start:end]
        found: list[tuple[int, Person, str, str]] = []

        for verb in VERB.finditer(sentence):
            # A subject with its apposition is never longer than this; looking further back
            # only costs time on text whose sentence ends were lost.
            window_start = max(0, verb.start() - SUBJECT_REACH)
            window = sentence[window_start : verb.start()]
            before = BETWEEN_SUBJECT_AND_VERB.sub("", window)
            subject, person = None, None
            for pattern in (BEFORE_VERB_APPOSITION, BEFORE_VERB_ORG, BEFORE_VERB_BARE):
                subject = pattern.search(before)
                if subject:
                    person = people.resolve(subject["name"])
                    if person is not None:
                        break
            if person is None:
                continue
            person = after_organisation(person, before[: subject.start()])
            position, organisation = "", ""
            if subject.re is BEFORE_VERB_APPOSITION:
                position, organisation = split_position(subject["appos"])
            elif subject.re is BEFORE_VERB_ORG:
                organisation = strip_article(subject["org"])
            if not position:
                lead = before[: subject.start()].split()
                role, role_org = role_before(lead)
                position, organisation = role or person_title(person), organisation or role_org
            if not position and not organisation and person.prefix:
                position, organisation = role_of_organisation(
                    f"{before[: subject.start()]} {person.prefix}"
                )
            found.append((window_start + subject.start("name"), person, position, organisation))

        for verb in VERB_BEFORE_NAME.finditer(sentence):
            after = AFTER_VERB.match(sentence[verb.end() :])
            if not after:
                continue
            pre = after["pre"].split()
            if pre and not is_role(pre[-1]):
                continue
            person = people.resolve(after["name"])
            if person is None:
                continue
            position, organisation = split_position(after["appos"] or "")
            if not position:
                role, role_org = role_before(pre)
                position, organisation = role or person_title(person), organisation or role_org
            found.append((verb.end() + after.start("name"), person, position, organisation))

        for according in [*ACCORDING_TO.finditer(sentence), *IN_NAMES_VIEW.finditer(sentence)]:
            person = people.resolve(according["name"])
            if person is None:
                continue
            appos = according["appos"] if according.re is ACCORDING_TO else ""
            position, organisation = split_position(appos or "")
            if not position:
                role, role_org = role_before(according["pre"].split())
                position, organisation = role or person_title(person), organisation or role_org
            found.append((according.start("name"), person, position, organisation))

        seen: set[str] = set()
        for position_in_sentence, person, position, organisation in sorted(
            found, key=lambda item: item[0]
        ):
            folded = fold(person.name)
            if folded in seen:
                # The same person twice in one sentence: keep the richer reading.
                earlier = next(
                    m for m in mentions if m.sentence == index and fold(m.name) == folded
                )
                earlier.position = earlier.position or position
                earlier.organisation = earlier.organisation or organisation
                continue
            seen.add(folded)
            quote = quote_near(index, start + position_in_sentence)
            newsmaker, doubt = is_newsmaker(
                sentence,
                person,
                position,
                people,
                at=position_in_sentence,
                organisation=organisation,
            )
            if newsmaker:
                people.newsmakers.setdefault(folded, person.name)
            else:
                people.sources.add(folded)
            mentions.append(
                Mention(person.name, position, organisation, quote, index, newsmaker, doubt)
            )

        back_reference = not found and (
            PRONOUN_SAYS.search(sentence) or refers_to_the_source(sentence)
        )
        sources = [m for m in mentions if not m.newsmaker]
        if back_reference and sources:
            last = sources[-1]
            if not last.quote and last.sentence >= index - 2:
                last.quote = quote_near(index, start)
    return mentions


def refers_to_the_source(sentence: str) -> bool:
    """'The expert believes ...', 'according to the analyst': a role noun for someone cited."""
    for match in THE_EXPERT_SAYS.finditer(sentence):
        role = match["role"] or match["role2"]
        if is_role(role) and role.casefold() not in OFFICE_TITLES:
            return True
    return False


def head_of(position: str) -> str:
    """The noun a position is about: "deputy energy minister" -> "minister"."""
    words = re.split(r"\s+(?:of|for|at|in|with)\s+", position.casefold())[0].split()
    return words[-1].strip(".,") if words else ""


def is_newsmaker(
    sentence: str,
    person: Person,
    position: str,
    people: People,
    *,
    at: int = 0,
    organisation: str = "",
) -> tuple[bool, str]:
    """Whether the statement attributed in `sentence` is a public one (the person is the news)
    rather than given to the paper, and a doubt to show when the evidence disagrees.

    Told the paper / in an interview with / according to: a source. Said at a news conference,
    in a statement, on Telegram, in parliament: a newsmaker. A title of office without an
    interview: a newsmaker. Anyone else: a source, as before.
    """
    folded = fold(person.name)
    titles = {head_of(position), head_of(person.title)} - {""}
    source = any(
        not match["whom"] or fold(match["whom"]).casefold() not in PUBLIC_AUDIENCES
        for match in SOURCE_CUES.finditer(sentence)
    )
    # Where the statement was made is said around the name and its verb, not in what was said:
    # from a little before the name to the first "that" or quotation after it.
    after = sentence[at:]
    said = re.search(r"\bthat\b|[\"“«]", after[len(person.name) :])
    clause = (
        sentence[max(0, at - 80) : at]
        + after[: len(person.name) + (said.start() if said else len(after))]
    )
    public = NEWSMAKER_CUES.search(clause) is not None
    office = bool(titles & OFFICE_TITLES)
    # The president or spokesman of an association or a company speaks for it, not for a
    # state: an office only in government (a minister always is).
    body_words = {fold(w).strip(",.'’s") for w in f"{position} {organisation}".split()}
    if "minister" not in titles and body_words & CIVIL_BODIES:
        office = False
    expert_role = any(word in EXPERT_ROLES for word in position.casefold().split())
    if source:
        return False, ""
    if public and expert_role:
        return False, _(
            "Quoted from a public statement, not an interview: a newsmaker rather than the "
            "paper's source? Check."
        )
    if public or office:
        return True, ""
    if folded in people.newsmakers and folded not in people.sources:
        return True, ""  # named again: "Rimkus added ..."
    return False, ""


def after_organisation(person: Person, before: str) -> Person:
    """'for Strategic Assessments Pavel Orlov': a run of capitals after "of" or "for" ends an
    organisation's name; the person is its last two words."""
    words = person.name.split()
    if len(words) < 3 or person.prefix or not re.search(r"\b(?:of|for)\s+(?:the\s+)?$", before):
        return person
    return Person(" ".join(words[-2:]), person.title, " ".join(words[:-2]))


def role_of_organisation(text: str) -> tuple[str, str]:
    """(position, organisation) from "Head of the Center for Strategic Studies", or ("", "")."""
    match = ROLE_OF_ORG.search(" ".join(text.split()))
    if not match:
        return "", ""
    position, _organisation = role_before(match["pos"].split())
    if not position:
        return "", ""
    return position, strip_article(match["org"])


def person_title(person: Person) -> str:
    """The title peeled off a name, as a position: "Sociologist" -> "sociologist"."""
    return lower_first(person.title) if person.title else ""
