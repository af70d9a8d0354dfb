"""The Russian message catalogues (locale/ru/LC_MESSAGES): complete, compiled from their
current text, and holding every string the code marks for translation."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

from tests.support.services import skip_or_fail

pytestmark = pytest.mark.once

PROJECT = Path(__file__).resolve().parents[1]
CATALOGUES = PROJECT / "locale" / "ru" / "LC_MESSAGES"
DOMAINS = ["django", "djangojs"]
RUSSIAN_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
# What makemessages reads: the project's code, templates and scripts, and the catalogues.
SOURCES = ["api", "pressreview", "reviews", "templates", "static", "locale"]


def catalogue(domain: str, root: Path = PROJECT) -> polib.POFile:
    return polib.pofile(str(root / "locale" / "ru" / "LC_MESSAGES" / f"{domain}.po"))


def translations(entries) -> dict:
    """(context, text) to the translation, plural forms as a tuple."""
    return {
        (entry.msgctxt, entry.msgid): (
            tuple(entry.msgstr_plural[form] for form in sorted(entry.msgstr_plural))
            if entry.msgid_plural
            else entry.msgstr
        )
        for entry in entries
        if entry.msgid and not entry.obsolete
    }


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_message_has_a_russian_translation(domain):
    """No message is left in English, none is a guess awaiting review (fuzzy)."""
    po = catalogue(domain)
    assert po.metadata["Plural-Forms"] == RUSSIAN_PLURALS
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    plurals = [e for e in po if e.msgid_plural]
    assert all(len(e.msgstr_plural) == 3 and all(e.msgstr_plural.values()) for e in plurals)


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_catalogue_is_the_current_text(domain):
    """The committed .mo says what the .po says: `compilemessages` ran after the last edit."""
    compiled = polib.mofile(str(CATALOGUES / f"{domain}.mo"))
    assert translations(compiled) == translations(catalogue(domain))


def test_makemessages_finds_no_message_missing_from_the_catalogue(tmp_path, monkeypatch):
    """Every string marked for translation is in the catalogues, and nothing else is."""
    if not shutil.which("xgettext"):
        skip_or_fail("makemessages needs GNU gettext: apt-get install gettext")
    for name in SOURCES:
        shutil.copytree(
            PROJECT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    monkeypatch.chdir(tmp_path)
    for domain in DOMAINS:
        call_command("makemessages", locale=["ru"], domain=domain, verbosity=0)
        assert translations(catalogue(domain, tmp_path)).keys() == (
            translations(catalogue(domain)).keys()
        ), f"run `manage.py makemessages -l ru -d {domain}` and translate what it adds"
