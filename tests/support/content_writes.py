"""The guard around every database test: the site's code may not write public content without
telling the page cache (reviews.pagecache.invalidation). docs/PERFORMANCE.md, "The page cache"."""

import os
import re
import sys
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.db import connections

from reviews.pagecache import invalidation

ROOT = Path(__file__).resolve().parents[2]
# A write made under one of these is the site's own; any other is a test arranging its data.
SITE_CODE = tuple(f"{ROOT / package}{os.sep}" for package in ("reviews", "api", "pressreview"))
# Django answering a request or running a command (the admin's generic views, `flush`).
DJANGO_ENTRY_POINTS = tuple(
    f"{Path(django.__file__).parent / folder}{os.sep}"
    for folder in ("core/handlers", "core/management")
)

WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
TRUNCATE = re.compile(r"\s*TRUNCATE\b(.*)", re.IGNORECASE | re.DOTALL)  # PostgreSQL's flush
NAME = re.compile(r'"?(\w+)"?')
UPDATED_COLUMNS = re.compile(r"\bSET\b(.*?)(?:\bWHERE\b|$)", re.IGNORECASE | re.DOTALL)
ASSIGNED = re.compile(r'"?(\w+)"?\s*=')
SAVEPOINT = re.compile(
    r'\s*(SAVEPOINT|RELEASE\s+SAVEPOINT|ROLLBACK\s+TO\s+SAVEPOINT)\s+"?(\w+)"?', re.IGNORECASE
)


@dataclass
class Write:
    number: int
    statement: str
    where: str


@dataclass
class ContentWrites:
    """What a test's code wrote to content tables, and when the last generation started."""

    writes: list[Write] = field(default_factory=list)
    savepoints: list[tuple[str, int]] = field(default_factory=list)
    statements: int = 0
    last_generation: int = 0

    def __call__(self, execute, sql, params, many, context):
        """The execute wrapper (connection.execute_wrapper) on every database alias."""
        result = execute(sql, params, many, context)
        self.seen(str(sql))
        return result

    def seen(self, sql: str) -> None:
        self.statements += 1
        if savepoint := SAVEPOINT.match(sql):
            self.savepoint(savepoint.group(1).split()[0].upper(), savepoint.group(2))
        elif self.changes_a_page(sql) and (where := site_code_writing()):
            self.writes.append(Write(self.statements, " ".join(sql.split())[:300], where))

    @staticmethod
    def changes_a_page(sql: str) -> bool:
        tables = invalidation.content_tables()
        if truncate := TRUNCATE.match(sql):
            return not tables.keys().isdisjoint(NAME.findall(truncate.group(1)))
        write = WRITE.match(sql)
        unseen = tables.get(write.group(1)) if write else None
        if unseen is None:
            return False
        if not unseen or sql.lstrip()[:6].upper() != "UPDATE":
            return True
        columns = UPDATED_COLUMNS.search(sql)
        return not columns or not set(ASSIGNED.findall(columns.group(1))) <= unseen

    def savepoint(self, action: str, name: str) -> None:
        """Writes rolled back to a savepoint never happened; released ones stay."""
        if action == "SAVEPOINT":
            self.savepoints.append((name, self.statements))
            return
        names = [saved for saved, _at in self.savepoints]
        if name not in names:  # opened before the guard (the test's own transaction)
            return
        index = names.index(name)
        started = self.savepoints[index][1]
        del self.savepoints[index:]
        if action == "ROLLBACK":
            self.writes = [write for write in self.writes if write.number < started]

    def generation_started(self) -> None:
        self.last_generation = self.statements

    def unannounced(self) -> list[Write]:
        return [write for write in self.writes if write.number > self.last_generation]

    def failure(self) -> str | None:
        unannounced = self.unannounced()
        if not unannounced:
            return None
        first = unannounced[0]
        return (
            f"{len(unannounced)} write(s) of public content with no new page-cache generation "
            f"after them, the first by {first.where}:\n    {first.statement}\n"
            "Stored pages would keep showing the content from before. Call "
            "reviews.pagecache.invalidation.content_changed() after writes that send no "
            "signal (update(), bulk_create(), raw SQL)."
        )


def site_code_writing() -> str | None:
    """Where in the site's code the statement being run comes from ("file:line"), or None
    if no site code or Django entry point is on the stack (a test arranging its data)."""
    frame, innermost, entered = sys._getframe(2), None, False
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(SITE_CODE):
            innermost = innermost or f"{Path(filename).relative_to(ROOT)}:{frame.f_lineno}"
        elif filename.startswith(DJANGO_ENTRY_POINTS):
            entered = True
        frame = frame.f_back
    if innermost:
        return innermost
    return "a request or a management command" if entered else None


@contextmanager
def watching_content_writes():
    """Record the content writes of the site's code and every new generation meanwhile."""
    guard = ContentWrites()
    original = invalidation.start_new_generation

    def start_new_generation(**kwargs):
        guard.generation_started()
        return original(**kwargs)

    with ExitStack() as stack:
        for connection in connections.all(initialized_only=False):
            stack.enter_context(connection.execute_wrapper(guard))
        invalidation.start_new_generation = start_new_generation
        stack.callback(setattr, invalidation, "start_new_generation", original)
        yield guard
