"""The order in which readers look names up: Álvaro among the A's, "économie" next to
"Economy", the same whatever the database and its collation."""

import unicodedata

from anyascii import anyascii

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


def in_reading_order(subjects, *, name: str = "name") -> list:
    """`subjects` (tags, sections: anything with a `name`) sorted as readers look them up."""
    return sorted(subjects, key=lambda subject: (sort_key(getattr(subject, name)), subject.pk))
