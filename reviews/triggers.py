"""Row triggers on SQLite and PostgreSQL, from the statements a written row runs: how the kept
counts (reviews.counts) and the monthly counts (reviews.monthly_counts) are installed.

Each table is given `rows(row, sign)`, the statements by which its row `row` ("NEW" or "OLD")
adds its uses (sign 1) or removes them (sign -1), and the condition under which an update
changes anything (an update is a removal then an addition).
"""

from collections.abc import Callable

# table: (statements for a row and a sign, the condition under which an update counts)
RowTriggers = dict[str, tuple[Callable[[str, int], list[str]], str]]


def row_trigger_sql(vendor: str, suffix: str, triggers: RowTriggers) -> list[str]:
    """The statements that create the triggers named `<table>_<suffix>...` on this database."""
    statements = []
    for table, (rows, changed) in triggers.items():
        name = f"{table}_{suffix}"
        if vendor == "postgresql":
            body = "\n".join(
                [
                    "BEGIN",
                    "IF TG_OP IN ('DELETE', 'UPDATE') THEN",
                    *rows("OLD", -1),
                    "END IF;",
                    "IF TG_OP IN ('INSERT', 'UPDATE') THEN",
                    *rows("NEW", 1),
                    "END IF;",
                    "RETURN NULL;",
                    "END;",
                ]
            )
            statements += [
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n{body}\n$$;",
                f"CREATE TRIGGER {name}_write AFTER INSERT OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}();",
                f"CREATE TRIGGER {name}_update AFTER UPDATE ON {table} "
                f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {name}();",
            ]
        else:
            statements += [
                f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} FOR EACH ROW BEGIN\n"
                + "\n".join(rows("NEW", 1))
                + "\nEND;",
                f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} FOR EACH ROW BEGIN\n"
                + "\n".join(rows("OLD", -1))
                + "\nEND;",
                f"CREATE TRIGGER {name}_update AFTER UPDATE ON {table} FOR EACH ROW "
                f"WHEN {changed} BEGIN\n"
                + "\n".join([*rows("OLD", -1), *rows("NEW", 1)])
                + "\nEND;",
            ]
    return statements


def drop_row_trigger_sql(vendor: str, suffix: str, tables) -> list[str]:
    """The statements that drop what `row_trigger_sql` created on `tables`."""
    statements = []
    for table in tables:
        name = f"{table}_{suffix}"
        if vendor == "postgresql":
            statements.append(f"DROP FUNCTION IF EXISTS {name}() CASCADE;")
        else:
            statements += [
                f"DROP TRIGGER IF EXISTS {name}_{action};"
                for action in ("insert", "delete", "update")
            ]
    return statements
