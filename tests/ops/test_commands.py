"""The management commands' names, and what each says when it is given a bad file."""

import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError

from reviews.models import Review
from tests.importer.cases import FOLDER, create_catalogue
from tests.support.factories import ReviewFactory

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]
GARBAGE = b"\xff\xfe\x00\x9c not text \x00\x01"


@dataclass
class Run:
    stdout: str
    stderr: str
    error: CommandError | None = None


def run(*args, **options) -> Run:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err, **options)
    except CommandError as error:
        return Run(out.getvalue(), err.getvalue(), error)
    return Run(out.getvalue(), err.getvalue())


def note(old: str, new: str) -> str:
    return f"`{old}` is deprecated and will be removed in the next release: use `{new}`."


@pytest.fixture
def export_file(tmp_path) -> Path:
    """A JSON export of one review, the review then deleted."""
    ReviewFactory(title="Press review: Ferries return to the islands")
    path = tmp_path / "reviews.json"
    call_command("export_json", output=str(path), verbosity=0)
    Review.objects.all().delete()
    return path


@pytest.fixture
def garbage(tmp_path) -> Path:
    path = tmp_path / "garbage.json"
    path.write_bytes(GARBAGE)
    return path


# New names, and the old ones kept for one release


def test_export_json_writes_the_document_to_standard_output():
    ReviewFactory(title="Press review: Ferries return to the islands")

    result = run("export_json")

    assert json.loads(result.stdout)["reviews"][0]["title"] == (
        "Press review: Ferries return to the islands"
    )
    assert "deprecated" not in result.stderr


def test_import_json_imports_an_export(export_file):
    result = run("import_json", str(export_file))

    assert "Reviews created 1, updated 0, unchanged 0, skipped 0." in result.stdout
    assert Review.objects.get().title == "Press review: Ferries return to the islands"
    assert "deprecated" not in result.stderr


def test_import_text_drafts_a_review_from_pasted_text():
    create_catalogue()

    result = run("import_text", str(FOLDER / "01_outlet_heads_two_stories.txt"), "--create-new")

    assert "created with 3 stories" in result.stdout
    assert Review.objects.get().status == Review.Status.DRAFT
    assert "deprecated" not in result.stderr


def test_export_reviews_still_exports_and_says_to_use_export_json():
    """The note goes to standard error: standard output holds the document alone."""
    ReviewFactory(title="Press review: Ferries return to the islands")

    result = run("export_reviews")

    assert result.stderr.startswith(note("export_reviews", "export_json"))
    assert len(json.loads(result.stdout)["reviews"]) == 1


def test_import_reviews_still_imports_and_says_to_use_import_json(export_file):
    result = run("import_reviews", str(export_file))

    assert result.stderr.startswith(note("import_reviews", "import_json"))
    assert "Reviews created 1" in result.stdout
    assert Review.objects.count() == 1


def test_import_review_still_imports_text_and_says_to_use_import_text():
    create_catalogue()

    result = run("import_review", str(FOLDER / "01_outlet_heads_two_stories.txt"), "--create-new")

    assert result.stderr.startswith(note("import_review", "import_text"))
    assert "created with 3 stories" in result.stdout
    assert Review.objects.count() == 1


def test_an_old_name_passes_its_arguments_on_unchanged(export_file):
    result = run("import_reviews", str(export_file), "--dry-run")

    assert "Dry run, nothing written. Would have created 1" in result.stdout
    assert not Review.objects.exists()


@pytest.mark.once  # fails in the argument check, before any database
def test_an_old_name_on_the_command_line_gets_the_note_then_the_new_commands_message(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "import_reviews", str(tmp_path / "nowhere.json")],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == note("import_reviews", "import_json")
    assert f"CommandError: Cannot read {tmp_path / 'nowhere.json'}: no such file." in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("import_review", "import_text"),
        ("import_reviews", "import_json"),
        ("export_reviews", "export_json"),
    ],
)
def test_an_old_names_help_says_which_name_to_use(old, new):
    command = load_command_class("reviews", old)

    assert command.help.startswith(f"Deprecated: use {new}. ")
    assert command.help.endswith(load_command_class("reviews", new).help)


# A bad file: a one-line reason, never a traceback


def test_import_text_names_each_unreadable_file_with_its_reason(tmp_path, garbage):
    (tmp_path / "folder").mkdir()

    result = run(
        "import_text", str(tmp_path / "nowhere.txt"), str(garbage), str(tmp_path / "folder")
    )

    assert str(result.error) == "3 of 3 files could not be imported."
    assert f"{tmp_path / 'nowhere.txt'}: not imported: no such file" in result.stderr
    assert f"{garbage}: not imported: not UTF-8 text" in result.stderr
    assert f"{tmp_path / 'folder'}: not imported: it is a folder, not a file" in result.stderr


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("nowhere.json", "Cannot read {path}: no such file."),
        ("garbage.json", "{path} cannot be imported: not a JSON document (not UTF-8 text)."),
        ("", "Cannot read {path}: it is a folder, not a file."),
    ],
)
def test_import_json_says_why_it_cannot_read_a_file(tmp_path, garbage, name, message):
    path = tmp_path / name

    result = run("import_json", str(path))

    assert str(result.error) == message.format(path=path)


def test_import_json_refuses_json_that_is_not_an_export(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"title": "Press review"}', encoding="utf-8")

    result = run("import_json", str(path))

    assert "cannot be imported: not a Pressreview export" in str(result.error)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("nowhere.json", "No backup at {path}: no such file."),
        ("", "No backup at {path}: it is a folder, not a file."),
        ("garbage.json", "{path} cannot be imported: not a JSON document (not UTF-8 text)."),
        ("garbage.txt", "A backup is a .dump (PostgreSQL) or a .json (reviews) file."),
    ],
)
def test_restore_says_why_it_cannot_restore_a_file(tmp_path, garbage, name, message):
    (tmp_path / "garbage.txt").write_bytes(GARBAGE)
    path = tmp_path / name

    result = run("restore", str(path), interactive=False)

    assert str(result.error) == message.format(path=path)


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("no-folder/reviews.json", "its folder does not exist"),
        ("", "it is a folder, not a file"),
        ("garbage.json/reviews.json", "a folder on its path is a file"),
    ],
)
def test_export_json_says_why_it_cannot_write_and_leaves_nothing_behind(
    tmp_path, garbage, output, message
):
    before = sorted(tmp_path.rglob("*"))
    path = tmp_path / output

    result = run("export_json", output=str(path))

    assert str(result.error) == f"Cannot write {path}: {message}."
    assert sorted(tmp_path.rglob("*")) == before


def test_backup_says_when_its_folder_is_a_file(garbage):
    result = run("backup", output=str(garbage / "site.json"), verbosity=0)

    assert str(result.error) == f"Cannot write into {garbage}: it is a file."


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("nowhere", "{folder} is not a folder"),
        ("garbage.json", "{folder} is not a folder"),
        ("empty", "{folder}/catalogue.json is missing"),
        ("garbage-catalogue", "{folder}/catalogue.json is not UTF-8 text"),
        ("not-json", "{folder}/catalogue.json is not JSON (Expecting value: line 1 column 1"),
        ("case-lacking", "{folder}/a.json: headline, new_outlet, citations missing or of the"),
    ],
)
def test_evaluate_importer_says_what_is_wrong_with_the_folder(tmp_path, garbage, folder, message):
    for name in ("empty", "garbage-catalogue", "not-json", "case-lacking"):
        (tmp_path / name).mkdir()
    (tmp_path / "garbage-catalogue" / "catalogue.json").write_bytes(GARBAGE)
    (tmp_path / "not-json" / "catalogue.json").write_text("catalogue", encoding="utf-8")
    (tmp_path / "case-lacking" / "catalogue.json").write_text(
        '{"outlets": [], "experts": [], "sections": []}', encoding="utf-8"
    )
    (tmp_path / "case-lacking" / "a.txt").write_text("Press review: Ferries", encoding="utf-8")
    (tmp_path / "case-lacking" / "a.json").write_text(
        '{"today": "2026-03-03", "stories": [{"outlet": "Gazeta Norte"}], "not_experts": []}',
        encoding="utf-8",
    )

    result = run("evaluate_importer", folder=tmp_path / folder)

    assert str(result.error).startswith(
        "Cannot evaluate: " + message.format(folder=tmp_path / folder)
    )
