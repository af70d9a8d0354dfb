"""The sort key that files names where readers look for them (reviews.names)."""

from importlib import import_module

import pytest
from django.apps import apps

from reviews.models import Expert, Outlet
from reviews.names import sort_key
from reviews.pagecache.invalidation import content_changed
from tests.support.factories import ExpertFactory, OutletFactory


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Álvaro Nunes", "alvaronunes"),
        ("Élise Marchand", "elisemarchand"),
        ("Ó Briain, Máire", "obriainmaire"),
        ("Øresund Tidende", "oresundtidende"),
        ("Æther Straße", "aetherstrasse"),
        ("Łódź Daily", "lodzdaily"),
        ("ﬁnance", "finance"),
        ("20 Minutes", "20minutes"),
        ("Ελένη Παππά", "ελενηπαππα"),  # another script keeps its letters, case folded
    ],
)
def test_the_sort_key_drops_accents_case_spaces_and_punctuation(name, key):
    assert sort_key(name) == key


@pytest.mark.django_db
@pytest.mark.parametrize("factory", [OutletFactory, ExpertFactory])
def test_the_sort_key_follows_the_name_even_when_only_the_name_is_saved(factory):
    """The JSON import saves only the changed fields: the key is saved with the name."""
    subject = factory(name="Zélia Prado")
    subject.name = "Ágata Prado"
    subject.save(update_fields=["name"])

    subject.refresh_from_db()
    assert subject.sort_name == "agataprado"


@pytest.mark.django_db
def test_the_migration_fills_the_key_of_existing_outlets_and_experts():
    outlet, expert = OutletFactory(name="Évora Diário"), ExpertFactory(name="Íris Lobo")
    Outlet.objects.update(sort_name="")
    Expert.objects.update(sort_name="")

    migration = import_module("reviews.migrations.0015_sort_names_in_reading_order")
    migration.fill_sort_names(apps, schema_editor=None)
    content_changed()  # as `migrate` does when it ends (post_migrate)

    assert Outlet.objects.get(pk=outlet.pk).sort_name == "evoradiario"
    assert Expert.objects.get(pk=expert.pk).sort_name == "irislobo"
