"""`manage.py import_review`: the old name of `import_text`, removed in the next release."""

from reviews.management.renamed import RenamedCommand

from .import_text import Command as ImportText


class Command(RenamedCommand, ImportText):
    new_name = "import_text"
