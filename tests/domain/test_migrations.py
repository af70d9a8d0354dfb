"""Every migration reverses: the app migrates to zero one step at a time, and back again.

Each step down runs one migration's reverse, with content in the tables for the first ones;
each step up runs it forward again. At the end the schema (tables, columns, constraints and
indexes and triggers, as the database reports them) is exactly what it was before, and the
data that the migrations themselves create (the editorial groups and their permissions) is
back.
"""

from importlib import import_module

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from tests.support.factories import CitationFactory

APP = "reviews"


def app_migrations() -> list[str]:
    """The app's migrations in the order they apply."""
    loader = MigrationLoader(connection)
    plan = loader.graph.forwards_plan((APP, max(loader.graph.leaf_nodes(APP))[1]))
    return [name for app, name in plan if app == APP]


def schema() -> dict:
    """Every table of the database with its columns, constraints and indexes."""
    introspection = connection.introspection
    with connection.cursor() as cursor:
        described = {}
        for table in sorted(introspection.table_names(cursor)):
            columns = [
                (column.name, column.type_code, column.null_ok, column.default)
                for column in introspection.get_table_description(cursor, table)
            ]
            constraints = introspection.get_constraints(cursor, table)
            described[table] = {"columns": columns, "constraints": constraints}
        described["triggers"] = triggers(cursor)
    return described


def triggers(cursor) -> list[tuple[str, str]]:
    """The database's own triggers (PostgreSQL's keep the stored search vectors up to date)."""
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal"
        )
    else:
        cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
    return sorted(cursor.fetchall())


def group_permissions() -> dict[str, set[tuple[str, str]]]:
    return {
        group.name: set(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.all()
    }


def permissions_the_migrations_grant() -> dict[str, set[tuple[str, str]]]:
    """What 0002, 0005 and the newsletter's migration give the editorial groups, from their own
    lists. (The groups may not be in the database when this test starts: tests that commit
    flush every table.)"""
    created = import_module(f"{APP}.migrations.0002_editorial_groups").GROUP_PERMISSIONS
    added = import_module(f"{APP}.migrations.0005_workflow_group_permissions").ADDED
    [newsletter] = [name for name in app_migrations() if name.endswith("_newsletter")]
    editors = import_module(f"{APP}.migrations.{newsletter}").EDITORS
    granted = {name: {*created[name], *added.get(name, ())} for name in created}
    granted["Editors"] |= set(editors)
    return granted


def app_tables() -> set[str]:
    with connection.cursor() as cursor:
        return {
            table
            for table in connection.introspection.table_names(cursor)
            if table.startswith(f"{APP}_")
        }


@pytest.mark.django_db(transaction=True)
def test_every_migration_reverses_to_zero_and_applies_again():
    """Down one migration at a time to zero, up one at a time: the same schema as before."""
    migrations = app_migrations()
    assert len(migrations) >= 2
    before = schema()
    assert app_tables()
    if connection.vendor == "postgresql":
        # The search-vector triggers of 0007, two counting triggers per table of 0010, the
        # five that keep 0014's untagged stories, two per table for the monthly counts, and
        # 0024's that remakes a review's stories' vectors when its language changes.
        assert len(before["triggers"]) == 2 + 2 * 4 + 5 + 2 * 4 + 1, before["triggers"]
    # Content in the tables, so that reverses meet real rows and not only empty tables.
    CitationFactory(story__tags=["ports"])

    for target in [*reversed(migrations[:-1]), "zero"]:
        call_command("migrate", APP, target, verbosity=0, interactive=False)
    assert not app_tables(), "migrating to zero leaves tables behind"

    for target in migrations:
        call_command("migrate", APP, target, verbosity=0, interactive=False)
    call_command("migrate", verbosity=0, interactive=False)

    assert schema() == before
    assert group_permissions() == permissions_the_migrations_grant()
