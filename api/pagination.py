"""Keyset (cursor) pagination: a page starts after the last row of the one before, in a total
order, with a signed cursor. See docs/PERFORMANCE.md, "Lists, filters and search at archive
scale".
"""

import datetime
import hashlib
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
CURSOR_SALT = "pressreview.api.cursor"
FORWARD, BACKWARD = "n", "p"


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True)
class SortKey:
    path: str  # a field path as order_by() takes it, e.g. "review__publish_at" or "pk"
    descending: bool

    @property
    def order_by(self) -> str:
        return f"-{self.path}" if self.descending else self.path

    def value(self, row: Model):
        value = row
        for part in self.path.split("__"):
            value = getattr(value, part)
        return value

    def field(self, model: type[Model]):
        if self.path == "pk":
            return model._meta.pk
        *relations, name = self.path.split("__")
        for relation in relations:
            model = model._meta.get_field(relation).related_model
        return model._meta.get_field(name)


@dataclass(frozen=True)
class Position:
    """Where a page starts: just after (FORWARD) or just before (BACKWARD) `values`."""

    direction: str
    values: tuple
    inclusive: bool = False


@dataclass
class Page:
    items: list
    next_cursor: str | None
    previous_cursor: str | None


def sort_keys(queryset: QuerySet) -> list[SortKey]:
    """The queryset's ordering as keys, with the primary key appended unless already there."""
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    keys = []
    for term in ordering:
        if not isinstance(term, str) or term == "?":
            raise TypeError(f"Keyset pagination needs field names to order by, not {term!r}.")
        path = term.removeprefix("-")
        if path == queryset.model._meta.pk.name:
            path = "pk"
        keys.append(SortKey(path, term.startswith("-")))
    if not any(key.path == "pk" for key in keys):
        keys.append(SortKey("pk", False))
    return keys


def fingerprint(keys: list[SortKey]) -> str:
    return hashlib.sha256(",".join(key.order_by for key in keys).encode()).hexdigest()[:12]


def encode_value(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


def encode_cursor(keys: list[SortKey], position: Position) -> str:
    payload = {
        "d": position.direction,
        "v": [encode_value(value) for value in position.values],
        "o": fingerprint(keys),
    }
    if position.inclusive:
        payload["i"] = 1
    # Not signing.dumps(): its timestamp would make every answer differ, and so its ETag.
    return signing.Signer(salt=CURSOR_SALT).sign_object(payload, compress=True)


def decode_cursor(token: str, keys: list[SortKey], model: type[Model]) -> Position:
    try:
        payload = signing.Signer(salt=CURSOR_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError) as invalid:
        raise InvalidCursor(
            "This cursor is not one the API gave out: follow the next and previous links as "
            "they are."
        ) from invalid
    if not isinstance(payload, dict) or payload.get("o") != fingerprint(keys):
        raise InvalidCursor(
            "This cursor belongs to another ordering: keep the other parameters of the link."
        )
    try:
        values = tuple(
            key.field(model).to_python(value) for key, value in zip(keys, payload["v"], strict=True)
        )
        return Position(payload["d"], values, bool(payload.get("i")))
    except (KeyError, TypeError, ValueError, ValidationError) as invalid:
        raise InvalidCursor("This cursor cannot be read.") from invalid


def beyond(keys: list[SortKey], values: tuple, *, forward: bool, inclusive: bool) -> Q:
    """Rows after (or before) `values` in the order of `keys`.

    (a, b, c) after (x, y, z) reads a > x, or a = x and b > y, or a = b = ... and c > z, each
    comparison turned round for a descending key. The redundant bound on the first key lets
    the database walk an index from the position.
    """
    clauses = []
    for index, key in enumerate(keys):
        upward = forward != key.descending
        equal = {earlier.path: value for earlier, value in zip(keys, values[:index], strict=False)}
        clauses.append(Q(**equal, **{f"{key.path}__{'gt' if upward else 'lt'}": values[index]}))
    if inclusive:
        clauses.append(Q(**{key.path: value for key, value in zip(keys, values, strict=True)}))
    first = keys[0]
    bound = Q(**{f"{first.path}__{'gte' if forward != first.descending else 'lte'}": values[0]})
    return bound & reduce(or_, clauses)


def paginate(queryset: QuerySet, *, cursor: str | None, page_size: int) -> Page:
    """One page of `queryset` from `cursor` (None: the first page), with its neighbours'.

    Runs the page's query, plus, when a cursor is given, one EXISTS for the opposite side.
    """
    keys = sort_keys(queryset)
    queryset = queryset.order_by(*(key.order_by for key in keys))

    def cursor_at(direction: str, values: tuple, inclusive: bool = False) -> str:
        return encode_cursor(keys, Position(direction, values, inclusive))

    def values_of(row) -> tuple:
        return tuple(key.value(row) for key in keys)

    if cursor is None:
        rows = list(queryset[: page_size + 1])
        items = rows[:page_size]
        has_next = len(rows) > page_size
        return Page(items, cursor_at(FORWARD, values_of(items[-1])) if has_next else None, None)

    position = decode_cursor(cursor, keys, queryset.model)
    forward = position.direction == FORWARD
    inside = beyond(keys, position.values, forward=forward, inclusive=position.inclusive)
    outside = beyond(keys, position.values, forward=not forward, inclusive=not position.inclusive)
    if forward:
        rows = list(queryset.filter(inside)[: page_size + 1])
        items = rows[:page_size]
        has_next, has_previous = len(rows) > page_size, queryset.filter(outside).exists()
    else:
        rows = list(queryset.filter(inside).reverse()[: page_size + 1])
        items = rows[:page_size][::-1]
        has_next, has_previous = queryset.filter(outside).exists(), len(rows) > page_size

    if items:
        next_cursor = cursor_at(FORWARD, values_of(items[-1])) if has_next else None
        previous_cursor = cursor_at(BACKWARD, values_of(items[0])) if has_previous else None
    else:
        # An empty page (its rows were unpublished meanwhile): point back across the cursor.
        opposite = BACKWARD if forward else FORWARD
        across = cursor_at(opposite, position.values, not position.inclusive)
        next_cursor = None if forward else (across if has_next else None)
        previous_cursor = (across if has_previous else None) if forward else None
    return Page(items, next_cursor, previous_cursor)
