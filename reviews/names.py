"""Names in any script, said once: the address a name becomes (an ASCII slug, transliterated
and never empty, for every named model and taggit's tags; docs/SECURITY.md, section 13) and
the order names are read in (Álvaro among the A's, the same whatever the database).
"""

import hashlib
import re
import unicodedata

from anyascii import anyascii
from django.db.models import Q, QuerySet
from django.urls.converters import SlugConverter
from django.utils.text import slugify

from reviews.translations import translated

# Room kept at the end of a slug for a "-2", "-3"... that makes it unique.
SUFFIX_ROOM = 8


def transliterate(name: str) -> str:
    """`name` in ASCII: each other character spelled by anyascii, an emoji's name
    (":person_shrugging:") as separate words, so that it slugifies to person-shrugging."""
    return "".join(
        char if char.isascii() else anyascii(char).replace(":", " ").replace("_", " ")
        for char in name
    )


def slug_for_name(name: str, *, fallback: str, max_length: int | None = None) -> str:
    """`name` as an ASCII slug (of at most `max_length` characters), never empty.

    ASCII names slugify exactly as Django's `slugify` does, so existing addresses stay as
    they were. When transliteration leaves nothing, the slug is `<fallback>-<8 hex digits>`,
    the digits a hash of the name.
    """
    slug = slugify(transliterate(name))[:max_length].strip("-_")
    if slug:
        return slug
    normal = unicodedata.normalize("NFC", " ".join(name.split()))
    digest = hashlib.blake2s(normal.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
    prefix = slugify(fallback)[: max_length - len(digest) - 1 if max_length else None]
    return f"{prefix}-{digest}"


def unique_slug(
    name: str,
    *,
    others: QuerySet,
    fallback: str,
    max_length: int,
    scope: Q | None = None,
) -> str:
    """`slug_for_name(name)`, suffixed -2, -3... until no row of `others` (in `scope`) has it.

    `others` is the model's rows less the one being named; it may be a historical model's
    queryset, so that migrations name rows the same way.
    """
    if scope is not None:
        others = others.filter(scope)
    base = slug_for_name(name, fallback=fallback, max_length=max_length - SUFFIX_ROOM)
    candidate, counter = base, 2
    while others.filter(slug=candidate).exists():
        candidate, counter = f"{base}-{counter}", counter + 1
    return candidate


def slug_for_instance(instance, name: str, *, scope: Q | None = None) -> str:
    """A unique slug for `instance` (of any named model) made from `name`."""
    model = type(instance)
    return unique_slug(
        name,
        others=model._default_manager.exclude(pk=instance.pk),
        fallback=model._meta.model_name,
        max_length=model._meta.get_field("slug").max_length,
        scope=scope,
    )


def tag_slugify(tag, name: str, i: int | None = None) -> str:
    """taggit's `TagBase.slugify(name, i)` made ours: taggit calls it with `i` = 1, 2...
    after a clash, and we answer with the same -2, -3... suffixes as every other model."""
    base = slug_for_name(
        name, fallback="tag", max_length=type(tag)._meta.get_field("slug").max_length - SUFFIX_ROOM
    )
    return base if i is None else f"{base}-{i + 1}"


def is_address_slug(value: str) -> bool:
    """Whether `value` can be an address: what the `<slug:...>` URL patterns accept."""
    return re.fullmatch(SlugConverter.regex, value) is not None


# The order in which readers look names up: Álvaro among the A's, "économie" next to
# "Economy", the same whatever the database and its collation.
# Long enough for any name of the models that store it (at most 120 characters, a few of
# which a ligature or an "ß" spells with two letters).
SORT_KEY_LENGTH = 255


def sort_key(name: str) -> str:
    """`name` as it files alphabetically: its letters and digits only, accents dropped, Latin
    letters spelled in ASCII (Ø as o, Æ as ae, ß as ss), case folded: "Ó Briain, Máire" gives
    "obriainmaire".

    Spaces and punctuation are left out (letter-by-letter order, as in many dictionaries)
    because databases' collations disagree about them; on what remains, plain code-point
    order (SQLite's, PostgreSQL's "C") and a language collation agree.
    """
    letters = []
    for char in unicodedata.normalize("NFKD", name):
        if not char.isalnum():  # spaces, punctuation, and the accents NFKD took apart
            continue
        if not char.isascii() and unicodedata.name(char, "").startswith("LATIN"):
            char = anyascii(char)
        letters.append(char)
    return "".join(letters).casefold()[:SORT_KEY_LENGTH]


def spellings_of(names, *, besides: str = "") -> list[str]:
    """`names` and the Latin transliteration of each written in another script
    ("Сергей Лавров", "Sergey Lavrov"), once each (case aside), less `besides`."""
    seen = {besides.casefold()} if besides else set()
    spellings = []
    for name in names:
        name = " ".join(name.split())
        for spelling in (name, " ".join(transliterate(name).split())):
            if spelling and spelling.casefold() not in seen:
                seen.add(spelling.casefold())
                spellings.append(spelling)
    return spellings


def in_reading_order(subjects, *, name: str = "name") -> list:
    """`subjects` (tags, sections: anything with a `name`) sorted as readers look them up,
    by their names in the active language (reviews.translations)."""
    return sorted(subjects, key=lambda subject: (sort_key(translated(subject, name)), subject.pk))
