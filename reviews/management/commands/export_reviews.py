"""`manage.py export_reviews`: the old name of `export_json`, removed in the next release."""

from reviews.management.renamed import RenamedCommand

from .export_json import Command as ExportJson


class Command(RenamedCommand, ExportJson):
    new_name = "export_json"
