"""Invented content at archive scale, for performance work: `manage.py generate_content`, written
in bulk (COPY on PostgreSQL), deterministic for a seed and day. See docs/PERFORMANCE.md,
"The generated archive".
"""

import datetime
import itertools
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone
from taggit.models import Tag

from reviews.demo import data as demo_data
from reviews.demo.loader import lede, name_experts, name_tags_in_other_languages
from reviews.models import Citation, Expert, Outlet, Review, Section, Story, TaggedStory
from reviews.names import slug_for_name

MORNING = datetime.time(7, 30)
MIN_STORIES, MAX_STORIES = 4, 8

# Invented words for names; combined, they make outlets and people that do not exist.
PLACES = [
    "Atlantic", "Baltic", "Lusitanian", "Iberian", "Alpine", "Danube", "Rhine", "Vistula",
    "Tagus", "Douro", "Liffey", "Shannon", "Meuse", "Scheldt", "Adriatic", "Aegean",
    "Northern", "Southern", "Western", "Eastern", "Coastal", "Highland", "Valley", "Harbour",
    "Metropolitan", "Provincial", "Continental", "Riverside", "Capital", "Midland",
]  # fmt: skip
PAPER_NAMES = [
    "Courier", "Herald", "Gazette", "Post", "Tribune", "Chronicle", "Observer", "Mercury",
    "Sentinel", "Journal", "Express", "Record", "Standard", "Messenger", "Dispatch", "Ledger",
]  # fmt: skip
COUNTRIES = [
    ("Portugal", "Portuguese"), ("Spain", "Spanish"), ("Germany", "German"),
    ("Poland", "Polish"), ("Ireland", "English"), ("Belgium", "French"),
    ("Netherlands", "Dutch"), ("Austria", "German"), ("Italy", "Italian"), ("Greece", "Greek"),
]  # fmt: skip
FIRST_NAMES = [
    "Ana", "Rui", "Marta", "Tomás", "Inês", "Carlos", "Lucía", "Pablo", "Elena", "Javier",
    "Anke", "Jonas", "Katrin", "Felix", "Agnieszka", "Piotr", "Zofia", "Marek", "Aoife",
    "Cian", "Niamh", "Ronan", "Claire", "Julien", "Sophie", "Lars", "Eva", "Matteo", "Giulia",
    "Nikos", "Eleni", "Hanna", "Pieter", "Sara", "Diego", "Laura", "Martin", "Irene", "Oskar",
    "Teresa", "Miguel", "Beatriz", "Henrik", "Maja", "Luca", "Chiara", "Stefan", "Ilse",
]  # fmt: skip
SURNAMES = [
    "Ribeiro", "Mendonça", "Quelhas", "Valente", "Cordeiro", "Navarro", "Ortega", "Iglesias",
    "Brandt", "Keller", "Hoffmann", "Vogel", "Kowalczyk", "Nowicka", "Wiśniewski", "Zielińska",
    "Byrne", "Kavanagh", "Doyle", "Lynch", "Dubois", "Lambert", "Peeters", "Janssens",
    "De Vries", "Bakker", "Rossi", "Ferrari", "Conti", "Papadakis", "Georgiou", "Lindqvist",
    "Berg", "Moreau", "Fontaine", "Salgado", "Pires", "Castro", "Esteves", "Marin", "Huber",
    "Gruber", "Novak", "Horvat", "Sousa", "Lopes", "Weber", "Fischer", "Walsh", "Murphy",
]  # fmt: skip
TAIL_TOPICS = [
    "tender", "inquiry", "reform", "subsidies", "strike", "referendum", "protest", "merger",
    "audit", "scandal", "summit", "treaty", "shortage", "blackout", "floods", "wildfires",
    "census", "budget row", "court ruling", "bond sale", "port", "bridge", "airport", "metro",
    "hospital", "university", "pipeline", "wind farm", "dam", "railway",
]  # fmt: skip


@dataclass
class Report:
    """What a run created, for the command's summary."""

    counts: dict[str, int] = field(default_factory=dict)
    first_date: datetime.date | None = None
    last_date: datetime.date | None = None


@dataclass
class Vocabulary:
    sections: list[Section]
    outlets: list[Outlet]
    outlet_weights: list[float]
    experts: list[Expert]
    expert_weights: list[float]
    head_tag_ids: dict[str, int]
    tail_tag_ids: list[int]
    tail_weights: list[float]
    stories_by_section: dict[str, list[dict]]


def zipf_weights(count: int, exponent: float = 1.1) -> list[float]:
    """Weights 1, 1/2^s, 1/3^s...: a few items very common, most of them rare."""
    return [1 / (rank**exponent) for rank in range(1, count + 1)]


def generate_content(
    *,
    reviews: int,
    seed: int = 1848,
    per_day: int = 4,
    chunk: int = 1000,
    today: datetime.date | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> Report:
    """Create `reviews` reviews (with their stories, citations and tags), newest today.

    `per_day` reviews share each review date, going back in time from `today`.
    """
    rng = random.Random(seed)
    today = today or timezone.localdate()
    now = timezone.now()
    report = Report()
    vocabulary = _vocabulary(rng, reviews)
    writer = BulkWriter()
    ids = {model: writer.next_id(model) for model in (Review, Story, Citation, TaggedStory)}
    counts = dict.fromkeys(("reviews", "stories", "citations", "tags on stories"), 0)
    scheduled = max(1, reviews // 5000)
    taken = _taken_slugs(today - datetime.timedelta(days=reviews // per_day + 1), today)
    progress(0, reviews)
    for start in range(0, reviews, chunk):
        rows: dict[type[models.Model], list[tuple]] = {
            Review: [],
            Story: [],
            Citation: [],
            TaggedStory: [],
        }
        for number in range(start, min(start + chunk, reviews)):
            # Oldest first, as an archive grows: ids rise with the dates.
            age = reviews - 1 - number
            review_date = today - datetime.timedelta(days=age // per_day)
            status, publish_at = _status(rng, age, scheduled, review_date, now)
            section = vocabulary.sections[number % len(vocabulary.sections)]
            stories = _pick_stories(rng, vocabulary, section.slug)
            title = _title(stories)
            slug = _unique_slug(title, review_date, taken)
            outlets = rng.choices(
                vocabulary.outlets, weights=vocabulary.outlet_weights, k=len(stories)
            )
            review_id = ids[Review]
            ids[Review] += 1
            created = publish_at or timezone.make_aware(
                datetime.datetime.combine(review_date, MORNING)
            )
            rows[Review].append(
                (
                    review_id,
                    title,
                    slug,
                    section.pk,
                    rng.choice(demo_data.REVIEW_CITIES),
                    review_date,
                    _lede(rng, outlets, stories),
                    "",
                    status,
                    publish_at,
                    None,
                    "",
                    1,
                    "",
                    created,
                    created,
                    settings.LANGUAGE_CODE,
                )
            )
            for position, (base, outlet) in enumerate(zip(stories, outlets, strict=True), 1):
                story_id = ids[Story]
                ids[Story] += 1
                experts = _pick_experts(rng, vocabulary, len(base["experts"]))
                rows[Story].append(
                    (
                        story_id,
                        review_id,
                        outlet.pk,
                        position,
                        base["headline"],
                        _body(base["paragraphs"], experts),
                        "",
                    )
                )
                for expert, quote in zip(experts, base["quotes"], strict=True):
                    rows[Citation].append(
                        (
                            ids[Citation],
                            story_id,
                            expert.pk,
                            expert.position,
                            expert.organisation,
                            quote,
                        )
                    )
                    ids[Citation] += 1
                for tag_id in _pick_tags(rng, vocabulary, base["tags"]):
                    rows[TaggedStory].append((ids[TaggedStory], story_id, tag_id))
                    ids[TaggedStory] += 1
        with transaction.atomic():
            writer.write(Review, REVIEW_COLUMNS, rows[Review])
            writer.write(Story, STORY_COLUMNS, rows[Story])
            writer.write(Citation, CITATION_COLUMNS, rows[Citation])
            writer.write(TaggedStory, TAGGED_COLUMNS, rows[TaggedStory])
        counts["reviews"] += len(rows[Review])
        counts["stories"] += len(rows[Story])
        counts["citations"] += len(rows[Citation])
        counts["tags on stories"] += len(rows[TaggedStory])
        progress(counts["reviews"], reviews)
    writer.reset_sequences([Review, Story, Citation, TaggedStory])
    report.counts = counts | {
        "outlets": len(vocabulary.outlets),
        "experts": len(vocabulary.experts),
        "tags": len(vocabulary.head_tag_ids) + len(vocabulary.tail_tag_ids),
    }
    report.last_date = today
    report.first_date = today - datetime.timedelta(days=(reviews - 1) // per_day)
    # Bulk writes send no signals: tell the public page cache once, with reviews scheduled
    # ahead among them.
    from reviews.pagecache.invalidation import content_changed

    content_changed(schedule_unknown=True)
    return report


REVIEW_COLUMNS = (
    "id",
    "title",
    "slug",
    "section_id",
    "dateline_city",
    "review_date",
    "lede",
    "disclaimer",
    "status",
    "publish_at",
    "author_id",
    "sent_back_reason",
    "version",
    "preview_key",
    "created_at",
    "updated_at",
    "language",  # COPY writes no model default: the site's default language
)
STORY_COLUMNS = ("id", "review_id", "outlet_id", "position", "headline", "body", "link")
CITATION_COLUMNS = ("id", "story_id", "expert_id", "position", "organisation", "quote")
TAGGED_COLUMNS = ("id", "content_object_id", "tag_id")


class BulkWriter:
    """Rows into tables, as fast as the database allows: COPY on PostgreSQL."""

    def __init__(self):
        self.copy = connection.vendor == "postgresql"

    def next_id(self, model: type[models.Model]) -> int:
        return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

    def write(self, model: type[models.Model], columns: Sequence[str], rows: list[tuple]):
        if not rows:
            return
        if self.copy:
            table = connection.ops.quote_name(model._meta.db_table)
            names = ", ".join(connection.ops.quote_name(column) for column in columns)
            with (
                connection.cursor() as cursor,
                cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
            return
        attnames = [model._meta.get_field(column).attname for column in columns]
        model.objects.bulk_create(
            [model(**dict(zip(attnames, row, strict=True))) for row in rows], batch_size=500
        )

    def reset_sequences(self, model_list: list[type[models.Model]]) -> None:
        statements = connection.ops.sequence_reset_sql(no_style(), model_list)
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _vocabulary(rng: random.Random, reviews: int) -> Vocabulary:
    sections = [
        Section.objects.get_or_create(slug=row["slug"], defaults=row)[0]
        for row in demo_data.SECTIONS
    ]
    outlets = _outlets(rng)
    experts = _experts(rng, count=max(len(demo_data.EXPERTS), min(5000, reviews // 20)))
    head_names = sorted({tag for story in demo_data.STORIES for tag in story["tags"]})
    tail_names = [
        f"{place.lower()} {topic}" for place in PLACES for topic in TAIL_TOPICS
    ]  # 900 rarer tags
    rng.shuffle(tail_names)
    tags = _tags(head_names + tail_names)
    stories_by_section: dict[str, list[dict]] = {}
    for story in demo_data.STORIES:
        stories_by_section.setdefault(story["section"], []).append(story)
    return Vocabulary(
        sections=sections,
        outlets=outlets,
        outlet_weights=zipf_weights(len(outlets), 0.8),
        experts=experts,
        expert_weights=zipf_weights(len(experts), 0.9),
        head_tag_ids={name: tags[name.lower()] for name in head_names},
        tail_tag_ids=[tags[name.lower()] for name in tail_names],
        tail_weights=zipf_weights(len(tail_names), 1.1),
        stories_by_section=stories_by_section,
    )


def _outlets(rng: random.Random) -> list[Outlet]:
    rows = [dict(row) for row in demo_data.OUTLETS]
    names = {row["name"] for row in rows}
    combinations = list(itertools.product(PLACES, PAPER_NAMES))
    rng.shuffle(combinations)
    for place, paper in combinations[:60]:
        name = f"The {place} {paper}"
        if name in names:
            continue
        names.add(name)
        country, language = rng.choice(COUNTRIES)
        rows.append(
            {
                "name": name,
                "slug": slug_for_name(name, fallback="outlet", max_length=120),
                "country": country,
                "language": language,
                "website": f"https://www.{slug_for_name(name, fallback='outlet')}.example",
                "description": f"An invented {language}-language daily from {country}.",
            }
        )
    Outlet.objects.bulk_create(
        # bulk_create() calls no save(): the sort key and spellings are filled here.
        [Outlet(**row).with_derived_names() for row in rows],
        ignore_conflicts=True,
        batch_size=500,
    )
    by_slug = Outlet.objects.in_bulk([row["slug"] for row in rows], field_name="slug")
    return [by_slug[row["slug"]] for row in rows if row["slug"] in by_slug]


def _experts(rng: random.Random, *, count: int) -> list[Expert]:
    rows = [dict(row) for row in demo_data.EXPERTS]
    positions = sorted({row["position"] for row in demo_data.EXPERTS})
    organisations = sorted({row["organisation"] for row in demo_data.EXPERTS})
    slugs = {row["slug"] for row in rows}
    people = list(itertools.product(FIRST_NAMES, SURNAMES, ["", *SURNAMES[:12]]))
    rng.shuffle(people)
    for first, surname, second in people:
        if len(rows) >= count:
            break
        name = " ".join(part for part in (first, second, surname) if part)
        slug = slug_for_name(name, fallback="expert", max_length=120)
        if slug in slugs or second == surname:
            continue
        slugs.add(slug)
        rows.append(
            {
                "name": name,
                "slug": slug,
                "position": rng.choice(positions),
                "organisation": rng.choice(organisations),
                "bio": "An invented expert, quoted in generated press reviews.",
            }
        )
    Expert.objects.bulk_create(
        [Expert(**row).with_derived_names() for row in rows],
        ignore_conflicts=True,
        batch_size=1000,
    )
    by_slug = Expert.objects.in_bulk([row["slug"] for row in rows], field_name="slug")
    return [by_slug[row["slug"]] for row in rows if row["slug"] in by_slug]


def _tags(names: list[str]) -> dict[str, int]:
    """The ids of the tags called `names` (any case), creating those that are missing."""
    existing = {name.lower(): pk for pk, name in Tag.objects.values_list("pk", "name")}
    missing = []
    for name in names:
        if name.lower() not in existing:
            tag = Tag(name=name)
            tag.slug = tag.slugify(name)  # the site's slug function (reviews.names)
            missing.append(tag)
    Tag.objects.bulk_create(missing, ignore_conflicts=True, batch_size=1000)
    name_tags_in_other_languages()
    return {name.lower(): pk for pk, name in Tag.objects.values_list("pk", "name")}


def _taken_slugs(first: datetime.date, last: datetime.date) -> set[tuple[datetime.date, str]]:
    return set(
        Review.objects.filter(review_date__range=(first, last)).values_list("review_date", "slug")
    )


def _status(rng, age, scheduled, review_date, now):
    """The newest reviews (`age` 0 is the newest) include work in progress; a few are
    scheduled ahead."""
    morning = timezone.make_aware(datetime.datetime.combine(review_date, MORNING))
    publish_at = min(morning + datetime.timedelta(minutes=rng.randrange(90)), now)
    if age < scheduled:
        return Review.Status.PUBLISHED, now + datetime.timedelta(hours=6 + 6 * age)
    if age < 200:
        roll = rng.random()
        if roll < 0.06:
            return Review.Status.DRAFT, None
        if roll < 0.09:
            return Review.Status.IN_REVIEW, None
    if rng.random() < 0.004:
        return Review.Status.WITHDRAWN, publish_at
    return Review.Status.PUBLISHED, publish_at


def _pick_stories(rng, vocabulary: Vocabulary, section: str) -> list[dict]:
    count = rng.randint(MIN_STORIES, MAX_STORIES)
    own = vocabulary.stories_by_section[section]
    # Mostly the section's own stories, now and then one from another section.
    picked = rng.sample(own, min(count, len(own)))
    if rng.random() < 0.2:
        others = [s for stories in vocabulary.stories_by_section.values() for s in stories]
        picked[-1] = rng.choice(others)
    return picked


def _pick_experts(rng, vocabulary: Vocabulary, count: int) -> list[Expert]:
    experts: list[Expert] = []
    while len(experts) < count:
        expert = rng.choices(vocabulary.experts, weights=vocabulary.expert_weights)[0]
        if expert not in experts:
            experts.append(expert)
    return experts


def _pick_tags(rng, vocabulary: Vocabulary, base_tags: list[str]) -> Iterator[int]:
    """The base story's tags (sometimes one dropped), plus now and then a rarer one."""
    chosen = {vocabulary.head_tag_ids[name] for name in base_tags}
    if len(chosen) > 1 and rng.random() < 0.2:
        chosen.discard(rng.choice(sorted(chosen)))
    extra = rng.choices((0, 1, 2), weights=(0.45, 0.4, 0.15))[0]
    chosen.update(rng.choices(vocabulary.tail_tag_ids, weights=vocabulary.tail_weights, k=extra))
    return iter(sorted(chosen))


def _title(stories: list[dict]) -> str:
    first, second = stories[0]["headline"], stories[1]["headline"]
    joiner = "; " if " as " in f"{first} {second}" else " as "
    return f"Press review: {first}{joiner}{second[0].lower()}{second[1:]}"[:255]


def _unique_slug(title: str, review_date: datetime.date, taken: set) -> str:
    base = slug_for_name(title.removeprefix("Press review: "), fallback="review")
    base = base[:80].rsplit("-", 1)[0]
    slug, counter = base, 2
    while (review_date, slug) in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    taken.add((review_date, slug))
    return slug


def _lede(rng, outlets: list[Outlet], stories: list[dict]) -> str:
    names = list(dict.fromkeys(outlet.name for outlet in outlets))[:3]
    topics = list(dict.fromkeys(story["tags"][0].replace("-", " ") for story in stories))[:3]
    return lede(rng.choice(demo_data.LEDE_TEMPLATES), names, topics)


def _body(paragraphs: list[str], experts: list[Expert]) -> str:
    return name_experts(paragraphs, experts, [expert.position for expert in experts])
