# ruff: noqa: RUF001 (the Russian demo text is Cyrillic on purpose)
"""Invented demo content: two months of press reviews, built from `demo_data`.

The content is deterministic (a fixed random seed); only its dates follow the day it is first
loaded, so that the site looks current. Every object is found by its slug before it is
created, so loading again changes nothing.
"""

import datetime
import random
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from reviews.demo import data as demo_data
from reviews.models import (
    Citation,
    Expert,
    Outlet,
    Review,
    Section,
    Story,
    TagTranslation,
    join_position,
)
from reviews.names import slug_for_name
from reviews.publishing.editions import edition_create

SEED = 1848
PUBLISHED_REVIEWS = 36
DAYS_COVERED = 60
MORNING = datetime.time(7, 30)
MIN_STORIES, MAX_STORIES = 3, 6

DEMO_ACCOUNTS = [
    # username, password, group, superuser
    ("editor", "editor-demo-pass", "Editors", False),
    ("moderator", "moderator-demo-pass", "Moderators", False),
    ("admin", "admin-demo-pass", None, True),
]

# Experts whose position changed during the two months: earlier citations quote the
# position they held then.
PROMOTED_EVERY = 7
EARLIER_POSITION = "research fellow"
PROMOTION_AFTER_DAYS = 30


# How a lede names a story by its main tag.
TOPIC_PHRASES = {
    "agriculture": "the farm sector",
    "banking": "the banks",
    "budget": "the budget",
    "climate": "climate policy",
    "coalition": "the coalition row",
    "corruption": "a corruption inquiry",
    "courts": "the courts",
    "defence": "defence spending",
    "diplomacy": "diplomatic manoeuvres",
    "drought": "the drought",
    "education": "the schools",
    "elections": "the election campaign",
    "energy": "energy prices",
    "eu": "Brussels",
    "fisheries": "the fishing fleet",
    "healthcare": "the health service",
    "housing": "the housing crunch",
    "industry": "industry",
    "inflation": "inflation",
    "interest-rates": "interest rates",
    "labour": "labour disputes",
    "migration": "migration",
    "pensions": "pensions",
    "ports": "the port strike",
    "rail": "the rail tender",
    "shipping": "shipping",
    "strikes": "the strikes",
    "technology": "technology",
    "tourism": "tourism",
    "trade": "trade",
}


@dataclass
class PlannedReview:
    status: str
    review_date: datetime.date
    publish_at: datetime.datetime | None
    section: str
    stories: list[dict]
    outlets: list[str]
    city: str
    lede_template: str
    title: str = ""
    slug: str = ""


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    accounts: list[tuple[str, str, str]] = field(default_factory=list)


def load_demo_content(
    *, now: datetime.datetime | None = None, progress: Callable[[str], None] = lambda line: None
) -> LoadReport:
    """Create whatever part of the demo content is missing, in one transaction."""
    now = now or timezone.now()
    report = LoadReport()
    with transaction.atomic():
        with reversion.create_revision():
            reversion.set_comment("Demo content loaded")
            report.accounts = _ensure_accounts(report)
            sections = _ensure(Section, demo_data.SECTIONS, report)
            outlets = _ensure(Outlet, demo_data.OUTLETS, report)
            experts = _ensure(Expert, demo_data.EXPERTS, report)
            progress(f"Sections, outlets, experts: {len(sections)}, {len(outlets)}, {len(experts)}")
            author = get_user_model().objects.get(username="editor")
            plans = _plan_reviews(now)
            for number, plan in enumerate(plans, start=1):
                if not Review.objects.filter(slug=plan.slug).exists():
                    _create_review(plan, sections, outlets, experts, author, now)
                    report.created["review"] += 1
                if number % 10 == 0 or number == len(plans):
                    progress(f"Reviews: {number}/{len(plans)}")
            name_tags_in_other_languages()
        # After the demo's revision: each edition records its own (reviews.publishing.editions).
        if "ru" in dict(settings.LANGUAGES):
            report.created["review"] += _ensure_russian_editions(author, now)
    return report


# Invented Russian text for the newest reviews' Russian editions.
RUSSIAN_EDITIONS = [
    ("Обзор прессы: порты снова работают, банк держит ставку", "Газеты пишут о портах и ставке."),
    ("Обзор прессы: тендер на железную дорогу и новые паромы", "Газеты пишут о тендере и паромах."),
    ("Обзор прессы: урожай, налоги и забастовка докеров", "Газеты пишут об урожае и налогах."),
]
RUSSIAN_BODY = "Газета пишет, что перемены заметны уже этой весной.\n\nЭксперты ждут продолжения."


def _ensure_russian_editions(author, now) -> int:
    """The newest published reviews get a published Russian edition each, once."""
    if Review.objects.filter(language="ru").exists():
        return 0
    sources = Review.objects.published(now=now).in_language(settings.LANGUAGE_CODE)
    made = 0
    for source, (title, lede_text) in zip(
        sources.latest_first()[: len(RUSSIAN_EDITIONS)], RUSSIAN_EDITIONS, strict=False
    ):
        edition = edition_create(source=source, language="ru", by=author)
        with reversion.create_revision():
            reversion.set_comment("Demo content loaded")
            for story in edition.stories.all():
                story.headline = f"Сюжет {story.position}: {title.split(': ', 1)[1]}"
                story.body = RUSSIAN_BODY
                story.save()
            edition.title, edition.lede = title, lede_text
            edition.dateline_city = demo_data.REVIEW_CITIES_IN_RUSSIAN[source.dateline_city]
            edition.status, edition.publish_at = Review.Status.PUBLISHED, source.publish_at
            edition.save()
        made += 1
    return made


def name_tags_in_other_languages() -> None:
    """The demo tags' names in other languages (demo/json/tags.json), where they have none."""
    # Saved one by one (a few dozen), so that the page cache hears of each.
    for tag in Tag.objects.filter(name__in=demo_data.TAG_TRANSLATIONS, translation=None):
        TagTranslation.objects.create(tag=tag, translations=demo_data.TAG_TRANSLATIONS[tag.name])


def _ensure(model, rows: list[dict], report: LoadReport) -> dict:
    objects = {}
    for row in rows:
        obj, created = model.objects.get_or_create(slug=row["slug"], defaults=row)
        report.created[model._meta.model_name] += created
        objects[obj.slug] = obj
    return objects


def _ensure_accounts(report: LoadReport) -> list[tuple[str, str, str]]:
    User = get_user_model()
    accounts = []
    for username, password, group_name, superuser in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@pressreview.example",
                "is_staff": True,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            report.created["user"] += 1
        accounts.append((username, password, group_name or "Superuser"))
    return accounts


def _plan_reviews(now: datetime.datetime) -> list[PlannedReview]:
    """Decide every review's date, status, stories and outlets, deterministically."""
    rng = random.Random(SEED)
    today = timezone.localdate(now)
    section_slugs = [section["slug"] for section in demo_data.SECTIONS]
    outlet_slugs = [outlet["slug"] for outlet in demo_data.OUTLETS]

    def at_morning(day: datetime.date) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, MORNING))

    schedule: list[tuple[str, int]] = [("published", index) for index in range(PUBLISHED_REVIEWS)]
    schedule += [("withdrawn", 12), ("draft", -1), ("draft", 0), ("draft", -2)]
    schedule += [("in_review", -1), ("scheduled", -1)]
    plans = []
    for index, (kind, days_ago) in enumerate(schedule):
        if kind == "published":
            days_ago = round(days_ago * (DAYS_COVERED - 1) / (PUBLISHED_REVIEWS - 1))
        review_date = today - datetime.timedelta(days=days_ago)
        status, publish_at = kind, None
        if kind in ("published", "withdrawn"):
            publish_at = min(at_morning(review_date), now - datetime.timedelta(minutes=5))
        elif kind == "scheduled":
            status = Review.Status.PUBLISHED
            publish_at = at_morning(review_date)
            if publish_at <= now:
                publish_at = now + datetime.timedelta(days=1)
        plans.append(
            PlannedReview(
                status=status,
                review_date=review_date,
                publish_at=publish_at,
                section=section_slugs[index % len(section_slugs)],
                stories=[],
                outlets=[],
                city=rng.choice(demo_data.REVIEW_CITIES),
                lede_template=rng.choice(demo_data.LEDE_TEMPLATES),
            )
        )

    # The stories of each section are listed in the order the news unfolded: hand them out
    # oldest review first, so that storylines read forwards in time.
    story_pools = {slug: [] for slug in section_slugs}
    for story in demo_data.STORIES:
        story_pools[story["section"]].append(story)
    for section, pool in story_pools.items():
        section_plans = sorted(
            (plan for plan in plans if plan.section == section), key=lambda plan: plan.review_date
        )
        counts = _story_counts(len(section_plans), len(pool), rng)
        start = 0
        for plan, count in zip(section_plans, counts, strict=True):
            plan.stories = [pool[(start + offset) % len(pool)] for offset in range(count)]
            start += count
    for index, plan in enumerate(plans):
        plan.outlets = rng.sample(outlet_slugs, len(plan.stories))
        if index % 5 == 0:
            # Most weeks one outlet heads two stories of the same review.
            plan.outlets[-1] = plan.outlets[0]

    proper_words = _proper_words()
    used_slugs: set[str] = set()
    for plan in plans:
        first, second = plan.stories[0]["headline"], plan.stories[1]["headline"]
        joiner = "; " if " as " in f"{first} {second}" else " as "
        plan.title = f"Press review: {first}{joiner}{_lowercase_first(second, proper_words)}"
        slug = _short_slug(plan.title.removeprefix("Press review: "))
        while slug in used_slugs:
            slug += "-more"
        used_slugs.add(slug)
        plan.slug = slug
    return plans


def _story_counts(reviews: int, stories: int, rng: random.Random) -> list[int]:
    """Three to six stories per review, spreading the pool so that no story is used twice."""
    counts = [MIN_STORIES] * reviews
    spare = stories - MIN_STORIES * reviews
    while spare > 0 and any(count < MAX_STORIES for count in counts):
        index = rng.randrange(reviews)
        if counts[index] < MAX_STORIES:
            counts[index] += 1
            spare -= 1
    return counts


def _create_review(plan, sections, outlets, experts, author, now) -> None:
    outlet_names = list(dict.fromkeys(outlets[slug].name for slug in plan.outlets))
    topics = list(dict.fromkeys(_topic(story) for story in plan.stories))
    review = Review.objects.create(
        title=plan.title,
        slug=plan.slug,
        section=sections[plan.section],
        dateline_city=plan.city,
        review_date=plan.review_date,
        lede=lede(plan.lede_template, outlet_names, topics[:3]),
        status=plan.status,
        publish_at=plan.publish_at,
        author=author,
    )
    days_ago = (timezone.localdate(now) - plan.review_date).days
    for position, (data, outlet_slug) in enumerate(
        zip(plan.stories, plan.outlets, strict=True), start=1
    ):
        cited = [experts[slug] for slug in data["experts"]]
        story = Story.objects.create(
            review=review,
            outlet=outlets[outlet_slug],
            position=position,
            headline=data["headline"],
            body=name_experts(
                data["paragraphs"], cited, [_position_then(expert, days_ago) for expert in cited]
            ),
        )
        story.tags.set(data["tags"])
        for expert, quote in zip(cited, data["quotes"], strict=True):
            Citation.objects.create(
                story=story,
                expert=expert,
                position=_position_then(expert, days_ago),
                organisation=expert.organisation,
                quote=quote,
            )


def _topic(story: dict) -> str:
    tag = story["tags"][0]
    return TOPIC_PHRASES.get(tag, tag.replace("-", " "))


def _position_then(expert: Expert, days_ago: int) -> str:
    index = [row["slug"] for row in demo_data.EXPERTS].index(expert.slug)
    if index % PROMOTED_EVERY == 0 and days_ago > PROMOTION_AFTER_DAYS:
        return EARLIER_POSITION
    return expert.position


def name_experts(paragraphs: list[str], experts: list[Expert], positions: list[str]) -> str:
    """The story's paragraphs with `{expert0}`, `{expert1}`… filled in: each expert named in
    full with their position (then) at first mention, by surname afterwards. A placeholder
    with no expert left (the generator picks fewer) becomes "the analyst"."""
    text = "\n\n".join(paragraphs)
    for number, (expert, position) in enumerate(zip(experts, positions, strict=True)):
        placeholder = f"{{expert{number}}}"
        title = join_position(position, expert.organisation)
        first, _, rest = text.partition(placeholder)
        surname = expert.name.split()[-1]
        text = first + f"{expert.name}, {title}," + rest.replace(placeholder, surname)
    return re.sub(r"\{expert\d\}", "the analyst", text)


def lede(template: str, outlets: list[str], topics: list[str]) -> str:
    """A lede template (demo_data.LEDE_TEMPLATES) filled in with the outlets and topics."""
    return template.format(outlets=join_words(outlets), topics=join_words(topics))


def _proper_words() -> set[str]:
    """Words the corpus capitalises mid-sentence: names, which keep their capital."""
    words = set()
    texts = [story["headline"] for story in demo_data.STORIES]
    texts += [p for story in demo_data.STORIES for p in story["paragraphs"]]
    for text in texts:
        for sentence in re.split(r"[.!?:]\s+", text):
            words.update(re.findall(r"(?<=\s)([A-Z][\w'-]*)", sentence))
    return words


def _lowercase_first(headline: str, proper_words: set[str]) -> str:
    first_word = headline.split()[0]
    if first_word in proper_words or first_word.isupper():
        return headline
    return headline[0].lower() + headline[1:]


def _short_slug(text: str, limit: int = 80) -> str:
    slug = slug_for_name(text, fallback="review")
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


def join_words(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
