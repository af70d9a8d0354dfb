"""Charts as inline SVG, drawn on the server: the geometry here, the markup in templates.

Each chart is a dataclass the template `includes/_chart_<kind>.html` draws: shapes are placed
with SVG attributes (x, y, width, height), never with style attributes, and coloured by the
classes of static/css/site.css, so that the strict Content Security Policy holds. Every
chart carries its text alternative (a title and a description) and the table of its data,
which the template shows behind a disclosure. Numbers and months are formatted for the
reader's language.
"""

import datetime
import functools
import math
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _

# The column chart's drawing, in the units of its viewBox (it scales to the page's width).
WIDTH, HEIGHT = 560, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 8, 12, 34
# How many months apart the month labels under a column chart are, at most this many labels.
MONTH_LABELS = 6
# Series colours: static/css/site.css defines chart__series-1 to -5.
SERIES = 5


def number(value) -> str:
    """A count as the reader's language writes it (grouped thousands)."""
    return formats.number_format(value, force_grouping=True)


def month_name(month: datetime.date) -> str:
    return formats.date_format(month, "F Y")


def short_month(month: datetime.date) -> str:
    return formats.date_format(month, "M Y")


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50... at least `value` (and at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


@dataclass
class Segment:
    y: float
    height: float
    series: int  # 1-based, for the colour class


@dataclass
class Column:
    x: float
    width: float
    label: str  # the month, in words
    total: int
    segments: list[Segment]


@dataclass
class Tick:
    position: float
    label: str
    minor: bool = False  # left out on a phone's screen, where labels are larger


@dataclass
class ColumnChart:
    """Counts per month as columns, stacked by series when there are several."""

    key: str  # unique on the page: the ids of its title and description derive from it
    title: str
    description: str
    series: list[str]
    columns: list[Column]
    y_ticks: list[Tick]
    x_labels: list[Tick]
    table_head: list[str]
    table_rows: list[list[str]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: float = HEIGHT - BOTTOM
    right_edge: int = WIDTH - RIGHT

    @property
    def legend(self) -> list[tuple[int, str]]:
        return list(enumerate(self.series, start=1)) if len(self.series) > 1 else []

    @property
    def is_empty(self) -> bool:
        return not any(column.total for column in self.columns)


def column_chart(
    key: str,
    title: str,
    months: list[tuple[datetime.date, list[int] | int]],
    *,
    series: list[str] | None = None,
    unit: str = "",
    name=month_name,
    short_name=short_month,
    period_heading: str | None = None,
) -> ColumnChart:
    """A column per month (or per week, or any day `name` names); a month's value is a count,
    or one count per series (stacked)."""
    rows = [(month, values if isinstance(values, list) else [values]) for month, values in months]
    series = series or [unit]
    totals = [sum(values) for _, values in rows]
    top = nice_ceiling(max(totals, default=0))
    plot_height, plot_width = HEIGHT - TOP - BOTTOM, WIDTH - LEFT - RIGHT
    slot = plot_width / max(len(rows), 1)
    columns = []
    for index, (month, values) in enumerate(rows):
        segments, floor = [], HEIGHT - BOTTOM
        for series_index, value in enumerate(values):
            if value:
                height = value / top * plot_height
                floor -= height
                segments.append(
                    Segment(round(floor, 2), round(height, 2), series_index % SERIES + 1)
                )
        columns.append(
            Column(
                x=round(LEFT + index * slot + slot * 0.15, 2),
                width=round(slot * 0.7, 2),
                label=name(month),
                total=sum(values),
                segments=segments,
            )
        )
    step = max(1, math.ceil(len(rows) / MONTH_LABELS))
    x_labels = [
        Tick(
            round(LEFT + (index + 0.5) * slot, 2),
            short_name(month),
            minor=index % (2 * step) != 0,
        )
        for index, (month, _values) in enumerate(rows)
        if index % step == 0
    ]
    y_ticks = [
        Tick(round(HEIGHT - BOTTOM - fraction * plot_height, 2), number(round(top * fraction)))
        # Halfway only where it is a whole number: 0, 5, 10 but 0, 5 (not 2.5).
        for fraction in ((0, 0.5, 1) if top % 2 == 0 else (0, 1))
    ]
    head = [period_heading or _("Month"), *(series if len(series) > 1 else []), unit or _("Total")]
    if len(series) > 1:
        head[-1] = _("Total")
    table_rows = [
        [
            name(month),
            *([number(v) for v in values] if len(series) > 1 else []),
            number(sum(values)),
        ]
        for month, values in rows
    ]
    busiest = max(range(len(rows)), key=lambda index: totals[index], default=None)
    description = (
        _("%(total)s in all from %(start)s to %(end)s; the most in %(peak)s (%(peak_count)s).")
        % {
            "total": number(sum(totals)),
            "start": name(rows[0][0]),
            "end": name(rows[-1][0]),
            "peak": name(rows[busiest][0]),
            "peak_count": number(totals[busiest]),
        }
        if rows and sum(totals)
        else _("Nothing to count in this period.")
    )
    return ColumnChart(
        key=key,
        title=title,
        description=description,
        series=series,
        columns=columns,
        y_ticks=y_ticks,
        x_labels=x_labels,
        table_head=head,
        table_rows=table_rows,
    )


@dataclass
class Bar:
    name: str
    link: str
    count: str
    length: float  # 0 to 100, the share of the longest bar


@dataclass
class BarList:
    """Ranked subjects, each with a bar as long as its count: a list readers can read as text,
    the bars a picture of it (hidden from screen readers, which have the numbers)."""

    key: str
    title: str
    bars: list[Bar] = field(default_factory=list)


def bar_list(key: str, title: str, ranked, link) -> BarList:
    """`ranked` (tallies.Ranked), each linked to `link(slug)`."""
    longest = max((subject.uses for subject in ranked), default=0) or 1
    return BarList(
        key,
        title,
        [
            Bar(
                subject.name,
                link(subject.slug),
                number(subject.uses),
                round(subject.uses / longest * 100, 1),
            )
            for subject in ranked
        ],
    )


class Sparkline:
    """A line through the monthly counts (`points`), and the same in words (`label`, put
    into words only when a template asks: the topics' index has hundreds and shows none)."""

    def __init__(self, values: list[int], months: list[datetime.date]):
        self.values, self.months = values, months
        top = max(values, default=0) or 1
        step = SPARK_WIDTH / max(len(values) - 1, 1)
        self.points = " ".join(
            f"{index * step:.1f},{SPARK_HEIGHT - 1 - value / top * (SPARK_HEIGHT - 2):.1f}"
            for index, value in enumerate(values)
        )

    @functools.cached_property
    def label(self) -> str:
        return _("Per month from %(start)s to %(end)s: %(counts)s") % {
            "start": month_name(self.months[0]),
            "end": month_name(self.months[-1]),
            "counts": ", ".join(number(value) for value in self.values),
        }


SPARK_WIDTH, SPARK_HEIGHT = 60, 16


def sparkline(values: list[int], months: list[datetime.date]) -> Sparkline:
    """A line through the monthly counts, and the same in words for screen readers."""
    return Sparkline(values, months)


@dataclass
class MatrixCell:
    count: str
    radius: float  # 0 when empty


@dataclass
class MatrixChart:
    key: str
    title: str
    description: str
    columns: list[Bar]  # the experts, linked
    rows: list[tuple[Bar, list[MatrixCell]]]  # each outlet, linked, and its cells


def matrix_chart(key: str, title: str, matrix, outlet_link, expert_link) -> MatrixChart:
    """tallies.Matrix as a table whose cells hold a disc as large as their count."""
    largest = matrix.largest or 1

    def heading(subject, link) -> Bar:
        return Bar(subject.name, link(subject.slug), number(subject.uses), 0)

    rows = [
        (
            heading(outlet, outlet_link),
            [
                # The disc's area, not its radius, follows the count.
                MatrixCell(number(count), round(9 * math.sqrt(count / largest), 2) if count else 0)
                for count in counts
            ],
        )
        for outlet, counts in zip(matrix.outlets, matrix.counts, strict=True)
    ]
    description = _(
        "Citations of the %(experts)s most quoted experts by the %(outlets)s outlets quoting "
        "the most; the larger the disc, the more citations."
    ) % {"experts": number(len(matrix.experts)), "outlets": number(len(matrix.outlets))}
    return MatrixChart(
        key, title, description, [heading(e, expert_link) for e in matrix.experts], rows
    )


@dataclass
class Rise:
    """A topic's stories this week against an average week before, as two bars."""

    name: str
    link: str
    this_week: str
    weekly_before: str
    this_length: float  # 0 to 100
    before_length: float


def rises(topics, link) -> list[Rise]:
    """tallies.RisingTopic as paired bars on one scale."""
    longest = max((max(t.this_week, t.weekly_before) for t in topics), default=0) or 1
    return [
        Rise(
            topic.name,
            link(topic.slug),
            number(topic.this_week),
            formats.number_format(round(topic.weekly_before, 1), decimal_pos=1),
            round(topic.this_week / longest * 100, 1),
            round(topic.weekly_before / longest * 100, 1),
        )
        for topic in topics
    ]
