"""`manage.py import_reviews`: the old name of `import_json`, removed in the next release."""

from reviews.management.renamed import RenamedCommand

from .import_json import Command as ImportJson


class Command(RenamedCommand, ImportJson):
    new_name = "import_json"
