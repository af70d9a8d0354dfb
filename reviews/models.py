"""The domain of a press review: sections, outlets, experts, reviews, stories and citations.

`Review.objects.published()` is the one definition of what readers may see. Everything
public about stories, outlets, experts and tags is derived from it (see the `published()`
methods below, which all reuse `ReviewQuerySet.published_q`).
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import IsNull
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from reviews.addresses import address
from reviews.fulltext import PostgresOnlyGinIndex
from reviews.names import (
    SORT_KEY_LENGTH,
    in_reading_order,
    slug_for_instance,
    sort_key,
    spellings_of,
)
from reviews.translations import Translated, current_language, default_language, translated


class NamedWithSlug:
    """For models known by a `name` whose page lives at a slug made from it."""

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_for_instance(self, self.name)
        super().save(*args, **kwargs)


def slug_not_empty(model_name: str) -> models.CheckConstraint:
    """Every public address needs its slug: the database refuses an empty one."""
    return models.CheckConstraint(
        condition=~Q(slug=""),
        name=f"{model_name}_slug_not_empty",
        violation_error_message=_("The slug must not be empty."),
    )


class SectionQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """Sections with at least one published review."""
        return self.filter(has_published_use(Review.objects.published(now=now), "section"))


class Section(NamedWithSlug, Translated):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [slug_not_empty("section")]

    def get_absolute_url(self):
        return f"{address('reviews:review-list')}?section={self.slug}"


class FiledByName(models.Model):
    """For models listed by name: `sort_name` files each where a reader looks for it (accents
    and case aside, reviews.names), on every database, and can be indexed."""

    sort_name = models.CharField(
        _("sort key"), max_length=SORT_KEY_LENGTH, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.sort_name = sort_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)


class AliasesMixin(models.Model):
    """Other spellings of a name, one per line in `aliases`, and every spelling it may be
    found by (`spellings`): its name, names in other languages, aliases, and the Latin
    transliteration of each in another script ("Сергей Лавров": "sergey lavrov")."""

    spellings = models.TextField(_("spellings"), blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.spellings = self.all_spellings()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"name", "aliases", "translations"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "spellings"}
        super().save(*args, **kwargs)

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    def other_spellings(self) -> list[str]:
        """Its aliases, names in other languages and their transliterations, as written."""
        names = [self.name, *self.alias_list, *self.translated_names()]
        return spellings_of(names, besides=self.name)

    def all_spellings(self) -> str:
        """What `spellings` holds: every spelling, case-folded, one per line."""
        return "\n".join(spelling.casefold() for spelling in [self.name, *self.other_spellings()])

    def with_derived_names(self):
        """Itself with what save() derives from its names filled in, for bulk_create()."""
        self.sort_name = sort_key(self.name)
        self.spellings = self.all_spellings()
        return self


class OutletQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """Outlets that head at least one story of a published review."""
        return self.filter(has_published_use(Story.objects.published(now=now), "outlet"))


class Outlet(NamedWithSlug, AliasesMixin, FiledByName, Translated):
    TRANSLATED = ("name", "description")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = models.CharField(_("country"), max_length=80)
    language = models.CharField(_("language"), max_length=60)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_(
            "One per line, e.g. a short name or a spelling without accents; "
            "used when matching pasted text."
        ),
    )

    objects = OutletQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "pk"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        constraints = [slug_not_empty("outlet")]

    def get_absolute_url(self):
        return address("reviews:outlet-detail", slug=self.slug)


class ExpertQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """Experts cited in at least one story of a published review."""
        return self.filter(has_published_use(Citation.objects.published(now=now), "expert"))

    def listed(self, *, language: str | None = None):
        """Experts cited in a published edition in `language` (the page's by default): those
        that language's list of experts shows."""
        cited = Citation.objects.published().in_language(language)
        return self.filter(has_published_use(cited, "expert"))


class Expert(NamedWithSlug, AliasesMixin, FiledByName, Translated):
    TRANSLATED = ("name", "position")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    position = models.CharField(_("current position"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    bio = models.TextField(_("short bio"), blank=True)
    aliases = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_("One per line, e.g. without accents or with a middle name; used for matching."),
    )

    objects = ExpertQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "pk"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        constraints = [slug_not_empty("expert")]
        indexes = [
            models.Index(fields=["name"], name="expert_name_idx"),
            # The expert list's order, a page at a time.
            models.Index(fields=["sort_name", "id"], name="expert_sort_name_idx"),
        ]

    def get_absolute_url(self):
        return address("reviews:expert-detail", slug=self.slug)

    @property
    def title(self) -> str:
        """Position and organisation as one phrase, e.g. "chief economist at Banco Norte"."""
        return join_position(self.position, self.organisation)

    @property
    def translated_title(self) -> str:
        """`title` with the position in the active language."""
        return join_position(translated(self, "position"), self.organisation)


def join_position(position: str, organisation: str) -> str:
    if position and organisation:
        return _("%(position)s at %(organisation)s") % {
            "position": position,
            "organisation": organisation,
        }
    return position or organisation


# For `in_language()`: the editions in every language (a review or story found by id).
ANY_LANGUAGE = "*"


class ReviewQuerySet(models.QuerySet):
    @staticmethod
    def published_q(*, prefix: str = "", now=None) -> Q:
        """The condition for "visible to the public", usable across a relation via `prefix`.

        A review is public when its status is published and its publish time has come.
        This is the only place that says so.
        """
        return Q(
            **{
                f"{prefix}status": Review.Status.PUBLISHED,
                f"{prefix}publish_at__lte": now or timezone.now(),
            }
        )

    @staticmethod
    def scheduled_q(*, prefix: str = "", now=None) -> Q:
        """Published by status, but its publish time is still to come."""
        return Q(
            **{
                f"{prefix}status": Review.Status.PUBLISHED,
                f"{prefix}publish_at__gt": now or timezone.now(),
            }
        )

    @staticmethod
    def unpublished_q(*, prefix: str = "", now=None) -> Q:
        """Exactly the reviews that `published_q()` leaves out: any other status, or scheduled.

        Not `~published_q()`, which PostgreSQL answers by reading every review: this finds the
        few in the status index, so that counts of what is public can subtract them.
        tests/domain/test_publication_rule.py proves it the complement of `published_q()` for
        every status and publish time.
        """
        others = [status for status in ReviewStatus.values if status != ReviewStatus.PUBLISHED]
        return Q(**{f"{prefix}status__in": others}) | ReviewQuerySet.scheduled_q(
            prefix=prefix, now=now
        )

    def published(self, *, now=None):
        return self.filter(self.published_q(now=now))

    def scheduled(self, *, now=None):
        return self.filter(self.scheduled_q(now=now))

    def latest_first(self):
        return self.order_by("-review_date", "-publish_at", "-pk")

    def previous_and_next(self, *, review_date, publish_at):
        """Of these reviews, the one just before a review placed at `review_date` and
        `publish_at` (the newest older one) and the one just after (the oldest newer one):
        two querysets of at most one `pk`, usable as subqueries. A review page's previous
        and next, when these are the published reviews."""
        older = Q(review_date__lt=review_date) | Q(
            review_date=review_date, publish_at__lt=publish_at
        )
        newer = Q(review_date__gt=review_date) | Q(
            review_date=review_date, publish_at__gt=publish_at
        )
        return (
            self.filter(older).latest_first().values("pk")[:1],
            self.filter(newer).order_by("review_date", "publish_at", "pk").values("pk")[:1],
        )

    def in_language(self, language: str | None = None):
        """The editions in `language`, by default the language of the page being served;
        every edition with ANY_LANGUAGE (finding one by id)."""
        if language == ANY_LANGUAGE:
            return self.all()
        return self.filter(language=language or current_language())

    @staticmethod
    def out_of_date_q() -> Q:
        """Editions whose source changed since they were made or last marked current
        (reviews.publishing.editions)."""
        return Q(made_from__isnull=False, made_from__version__gt=F("made_from_version"))

    def out_of_date(self):
        return self.filter(self.out_of_date_q())

    def for_lists(self, *, language: str | None = None):
        """Published reviews as every list shows them (site and API): newest first, in one
        language (the page's by default: a review without an edition in it is not listed)."""
        return self.published().in_language(language).select_related("section").latest_first()

    def with_published_editions(self):
        """With the published editions of each review's group in one query more, for
        `Review.other_published_editions()`."""
        return self.select_related("edition_group").prefetch_related(
            models.Prefetch(
                "edition_group__editions",
                queryset=Review.objects.published().only(
                    "language", "slug", "review_date", "edition_group_id"
                ),
                to_attr=Review.PUBLISHED_EDITIONS,
            )
        )


def language_choices() -> list[tuple[str, str]]:
    # A callable, so that the languages come from the settings, not from a migration.
    return settings.LANGUAGES


class EditionGroup(models.Model):
    """The editions of one review in the site's languages, each a `Review` of its own with its
    own text, workflow state and publish time (docs/ARCHITECTURE.md, "Editions")."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("edition group")
        verbose_name_plural = _("edition groups")

    def __str__(self):
        return _("Editions #%(pk)s") % {"pk": self.pk}


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A dateline's day per language, in Django's date format: English puts the month first; the
# others, the day and then the month as a date takes it (Django's "E": "3 марта").
DATELINE_DAY = {"en": "F j"}


class Review(models.Model):
    Status = ReviewStatus

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        help_text=_("Part of the address; unique among the reviews of the same date."),
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("section")
    )
    dateline_city = models.CharField(
        _("dateline city"), max_length=100, help_text=_("Where the review is filed, e.g. LISBON.")
    )
    review_date = models.DateField(
        _("review date"), help_text=_("The date of the newspapers reviewed.")
    )
    lede = models.TextField(_("lede"), help_text=_("One paragraph naming the stories to come."))
    disclaimer = models.TextField(
        _("disclaimer"),
        blank=True,
        help_text=_("Leave empty to use the site-wide disclaimer."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_("Readers see a published review from this moment on."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("author"),
    )
    sent_back_reason = models.TextField(
        _("why it was sent back"),
        blank=True,
        help_text=_("Set when a reviewer sends the review back to its author."),
    )
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_("Goes up with every save, so that a stale form cannot overwrite a newer one."),
    )
    preview_key = models.CharField(
        _("share-preview key"),
        max_length=64,
        blank=True,
        help_text=_("Signs the share-preview links; emptying it revokes them all."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices,
        default=default_language,
        help_text=_("The language this edition is written in."),
    )
    # Editions: set by reviews.publishing.editions, never typed in a form.
    edition_group = models.ForeignKey(
        EditionGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="editions",
        verbose_name=_("editions"),
    )
    made_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="editions_made",
        verbose_name=_("made from"),
        help_text=_("The edition this one was translated from."),
    )
    made_from_version = models.PositiveIntegerField(
        _("source version"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The source's version when this edition was made or last marked current."),
    )
    made_from_revision = models.ForeignKey(
        "reversion.Version",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("source revision"),
        help_text=_("The source as it was then: what changed since is compared with it."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Derived: the title's and lede's words for full-text search, like Story.search_vector.
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-review_date", "-publish_at", "-pk"]
        get_latest_by = "review_date"
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        permissions = [
            ("publish_review", _("Can publish, schedule, withdraw and send back reviews")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["review_date", "slug"],
                name="review_slug_unique_per_date",
                violation_error_message=_("Another review of this date already has this slug."),
            ),
            slug_not_empty("review"),
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values),
                name="review_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReviewStatus.PUBLISHED) | Q(publish_at__isnull=False),
                name="review_published_has_publish_time",
                violation_error_message=_("A published review needs a publish time."),
            ),
            models.UniqueConstraint(
                fields=["edition_group", "language"],
                name="review_one_edition_per_language",
                violation_error_message=_("This review already has an edition in this language."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "publish_at"], name="review_status_publish_idx"),
            models.Index(fields=["updated_at"], name="review_updated_idx"),
            models.Index(fields=["-review_date", "-publish_at"], name="review_date_idx"),
            models.Index(fields=["section", "-review_date"], name="review_section_date_idx"),
            PostgresOnlyGinIndex(fields=["search_vector"], name="review_search_vector_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_for_instance(self, self.title, scope=Q(review_date=self.review_date))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # In the edition's own language, whatever the page linking to it is in.
        with translation.override(self.language):
            return address(
                "reviews:review-detail",
                year=self.review_date.year,
                month=self.review_date.month,
                day=self.review_date.day,
                slug=self.slug,
            )

    # Where ReviewQuerySet.with_published_editions() puts them, on the edition group.
    PUBLISHED_EDITIONS = "published_editions"

    def other_published_editions(self) -> list["Review"]:
        """Its other editions that readers may see, in the order of settings.LANGUAGES:
        never a draft, scheduled or withdrawn one (prefetched by `with_published_editions()`,
        else one query)."""
        if self.edition_group_id is None:
            return []
        group = self.edition_group if Review.edition_group.is_cached(self) else None
        if hasattr(group, self.PUBLISHED_EDITIONS):
            editions = getattr(group, self.PUBLISHED_EDITIONS)
        else:
            editions = Review.objects.published().filter(edition_group_id=self.edition_group_id)
        order = [code for code, _name in settings.LANGUAGES]
        return sorted(
            (edition for edition in editions if edition.pk != self.pk),
            key=lambda edition: (
                order.index(edition.language) if edition.language in order else len(order),
                edition.pk,
            ),
        )

    def is_out_of_date(self) -> bool:
        """Whether the edition it was made from changed since: the twin of `out_of_date()`."""
        return (
            self.made_from_id is not None
            and self.made_from_version is not None
            and self.made_from.version > self.made_from_version
        )

    is_out_of_date.boolean = True
    is_out_of_date.short_description = _("out of date")

    def is_published(self, *, now=None) -> bool:
        """Whether readers can see this review now: the instance twin of `published()`."""
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= (now or timezone.now())
        )

    is_published.boolean = True
    is_published.short_description = _("public")

    def is_scheduled(self, *, now=None) -> bool:
        """Whether it is published but waits for its time: the instance twin of `scheduled()`."""
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > (now or timezone.now())
        )

    def get_state_display(self, *, now=None) -> str:
        """The status as the desk says it: "Scheduled" for a published review still waiting."""
        if self.is_scheduled(now=now):
            return str(_("Scheduled"))
        return self.get_status_display()

    @property
    def effective_disclaimer(self) -> str:
        return self.disclaimer or settings.PRESSREVIEW_DISCLAIMER

    @property
    def dateline(self) -> str:
        """The dateline as printed in the review's language: "LISBON, March 3", "ЛИССАБОН,
        3 марта"."""
        with translation.override(self.language):
            day = formats.date_format(self.review_date, DATELINE_DAY.get(self.language, "j E"))
        return f"{self.dateline_city.upper()}, {day}"


class TaggedStoryQuerySet(models.QuerySet):
    def published(self, *, now=None):
        return self.filter(ReviewQuerySet.published_q(prefix="content_object__review__", now=now))

    def in_language(self, language: str | None = None):
        """Tag uses in the editions in `language`, by default the page's."""
        return self.filter(content_object__review__language=language or current_language())


class TaggedStory(TaggedItemBase):
    """Explicit through model, so that tag queries join one small, indexed table."""

    content_object = models.ForeignKey("Story", on_delete=models.CASCADE, related_name="tagged")

    objects = TaggedStoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("story tag")
        verbose_name_plural = _("story tags")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="story_tag_unique"),
        ]
        # A tag's stories, by story, read from the index alone.
        indexes = [models.Index(fields=["tag", "content_object"], name="taggedstory_tag_story_idx")]


class TagTranslation(models.Model):
    """A tag's name in the site's other languages (taggit's table is not ours to change):
    `translations` as on Outlet, `{"ru": {"name": "…"}}`; see reviews.translations."""

    tag = models.OneToOneField(
        Tag,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="translation",
        verbose_name=_("tag"),
    )
    translations = models.JSONField(_("in other languages"), default=dict, blank=True)

    class Meta:
        verbose_name = _("tag's names in other languages")
        verbose_name_plural = _("tags' names in other languages")

    def __str__(self):
        return str(self.tag)


class StoryQuerySet(models.QuerySet):
    def published(self, *, now=None):
        return self.filter(ReviewQuerySet.published_q(prefix="review__", now=now))

    def with_shown_tags(self):
        """With `shown_tags` as a plain list, in one query more (see Story.TAG_LINKS)."""
        return self.prefetch_related(
            models.Prefetch(
                "tagged",
                queryset=TaggedStory.objects.select_related("tag__translation").order_by(
                    "tag__name", "pk"
                ),
                to_attr=Story.TAG_LINKS,
            )
        )

    def for_display(self):
        """With everything a story block shows, in a fixed number of queries: `shown_tags`
        and `shown_citations` come as plain lists (see Story.TAG_LINKS)."""
        return (
            self.with_shown_tags()
            .select_related("outlet")
            .prefetch_related(
                models.Prefetch(
                    "citations",
                    queryset=Citation.objects.select_related("expert"),
                    to_attr=Story.CITATION_LIST,
                ),
            )
        )

    def in_language(self, language: str | None = None):
        """Stories of the editions in `language`, by default the page's (every edition's
        with ANY_LANGUAGE)."""
        if language == ANY_LANGUAGE:
            return self.all()
        return self.filter(review__language=language or current_language())

    def for_lists(self, *, language: str | None = None):
        """Published stories as every list shows them (site and API): newest review first,
        of the editions in one language (the page's by default)."""
        return (
            self.for_display()
            .published()
            .in_language(language)
            .select_related("review")
            .order_by("-review__review_date", "-review__publish_at", "review_id", "position")
        )


def published_tags(*, now=None) -> models.QuerySet[Tag]:
    """Tags used by at least one story of a published review."""
    return Tag.objects.filter(has_published_use(TaggedStory.objects.published(now=now), "tag"))


def has_published_use(uses: models.QuerySet, link: str) -> IsNull:
    """The condition "at least one of `uses` (published ones) links to this row by `link`".

    Written as a scalar subquery that stops at the first use it finds, which PostgreSQL runs
    once per subject. As `pk IN (...)` or `EXISTS (...)` the planner may instead join every
    use of every subject (millions of rows, for tags) to find the few hundred that have one.
    """
    first = uses.filter(**{link: models.OuterRef("pk")}).order_by().values("pk")[:1]
    return IsNull(models.Subquery(first), False)


class Story(models.Model):
    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="stories", verbose_name=_("review")
    )
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="stories", verbose_name=_("outlet")
    )
    position = models.PositiveSmallIntegerField(
        _("position"), help_text=_("Order of the story within the review.")
    )
    headline = models.CharField(_("headline"), max_length=255)
    body = models.TextField(_("body"), help_text=_("Paragraphs separated by a blank line."))
    link = models.URLField(_("link to the original"), max_length=500, blank=True)
    # Derived: the headline's and body's words for full-text search (reviews.fulltext),
    # stored so that ranking reads them rather than recomputing them for every match. On
    # PostgreSQL a trigger (migration 0007) fills it on every write, whichever way it is
    # made (save, bulk insert, revision restore); other databases leave it empty.
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)

    tags = TaggableManager(through=TaggedStory, blank=True, verbose_name=_("tags"))

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["review", "position"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        permissions = [("change_story_tags", _("Can change the tags of a story"))]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "position"],
                name="story_position_unique_per_review",
                violation_error_message=_("Two stories of this review have the same position."),
            ),
        ]
        indexes = [
            PostgresOnlyGinIndex(fields=["search_vector"], name="story_search_vector_idx"),
            # An outlet's stories, newest review first, read from the index alone.
            models.Index(fields=["outlet", "review"], name="story_outlet_review_idx"),
        ]

    def __str__(self):
        return f"{self.outlet.name}: {self.headline}" if self.outlet_id else self.headline

    def get_absolute_url(self):
        return f"{self.review.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"story-{self.position}"

    # Where StoryQuerySet.for_display() puts the prefetched tags and citations:
    # plain lists, since Django asks django-taggit's manager, and a related manager, for a
    # queryset per story just to hand it the prefetched rows, a good part of a list's time.
    TAG_LINKS = "prefetched_tag_links"
    CITATION_LIST = "prefetched_citations"

    @property
    def shown_tags(self) -> list[Tag]:
        """The story's tags, by name (accents and case aside)."""
        if hasattr(self, self.TAG_LINKS):
            return in_reading_order(link.tag for link in getattr(self, self.TAG_LINKS))
        return in_reading_order(self.tags.all())

    @property
    def shown_citations(self) -> list["Citation"]:
        """The story's citations with their experts, in the order they were entered."""
        if hasattr(self, self.CITATION_LIST):
            return getattr(self, self.CITATION_LIST)
        return list(self.citations.all())

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]


class CitationQuerySet(models.QuerySet):
    def published(self, *, now=None):
        return self.filter(ReviewQuerySet.published_q(prefix="story__review__", now=now))

    def in_language(self, language: str | None = None):
        """Citations in the editions in `language`, by default the page's."""
        return self.filter(story__review__language=language or current_language())


class Citation(models.Model):
    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="citations", verbose_name=_("story")
    )
    expert = models.ForeignKey(
        Expert, on_delete=models.PROTECT, related_name="citations", verbose_name=_("expert")
    )
    position = models.CharField(
        _("position as cited"),
        max_length=200,
        blank=True,
        help_text=_("The expert's position at the time of the story."),
    )
    organisation = models.CharField(_("organisation as cited"), max_length=200, blank=True)
    quote = models.TextField(_("quote"), blank=True)

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["story", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.UniqueConstraint(
                fields=["story", "expert"],
                name="citation_expert_once_per_story",
                violation_error_message=_("This expert is already cited in this story."),
            ),
        ]
        # An expert's stories, read from the index alone.
        indexes = [models.Index(fields=["expert", "story"], name="citation_expert_story_idx")]

    def __str__(self):
        return f"{self.expert} in {self.story}"

    def get_absolute_url(self):
        return f"{self.story.review.get_absolute_url()}#{self.anchor}"

    @property
    def title(self) -> str:
        return join_position(self.position, self.organisation)

    @property
    def anchor(self) -> str:
        """Its permalink's fragment on the review page: the story's and the expert's."""
        return f"{self.story.anchor}-{self.expert.slug}"


class StoryToTag(Story):
    """The moderators' queue: stories seen through the tagging lens, untagged first."""

    class Meta:
        proxy = True
        verbose_name = _("story to tag")
        verbose_name_plural = _("stories to tag")


class UntaggedStory(models.Model):
    """A story without tags, for the moderators' queue: rows kept by database triggers
    (reviews.counts), read and never written by Django."""

    story = models.OneToOneField(
        Story,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )

    def __str__(self) -> str:
        return f"untagged story {self.story_id}"


class SubjectCount(models.Model):
    """How many stories (outlets), story tags (tags) or citations (experts) each subject has
    in reviews whose status is published, scheduled ones included. Kept by database triggers
    on every write, whichever way it is made; read through reviews.counts, never directly."""

    class Kind(models.TextChoices):
        OUTLET = "outlet", _("outlet")
        TAG = "tag", _("tag")
        EXPERT = "expert", _("expert")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    subject_id = models.BigIntegerField()
    # The language of the reviews counted: each language's pages count their own editions.
    language = models.CharField(max_length=10, default=default_language)
    uses = models.IntegerField(default=0)
    # The latest publish time of a review that used the subject while published: moved
    # forward by each new use, never back (the sitemap's lastmod; may lie in the future).
    last_published = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "language", "subject_id"], name="subject_count_language_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject_id}: {self.uses}"


class MonthlyCount(models.Model):
    """How many uses a subject, or a pair of subjects, has in the reviews of one month (by
    review date) whose status is published, scheduled ones included: what the charts read.
    Kept by database triggers on every write, whichever way it is made; read through
    reviews.tallies, never directly (reviews/monthly_counts.py says what each kind counts)."""

    class Kind(models.TextChoices):
        OUTLET = "outlet", _("stories by outlet")
        TAG = "tag", _("story tags by tag")
        EXPERT = "expert", _("citations by expert")
        OUTLET_EXPERT = "outlet-expert", _("citations by outlet and expert")
        OUTLET_TAG = "outlet-tag", _("story tags by outlet and tag")
        TAG_EXPERT = "tag-expert", _("citations by tag and expert")

    kind = models.CharField(max_length=16, choices=Kind.choices)
    subject_id = models.BigIntegerField()
    # The second subject of a pair (the expert of "outlet-expert"); 0 for one subject.
    other_id = models.BigIntegerField(default=0)
    month = models.DateField(help_text="The first day of the month.")
    # The language of the reviews counted: each language's charts count their own editions.
    language = models.CharField(max_length=10, default=default_language)
    uses = models.IntegerField(default=0)

    class Meta:
        constraints = [
            # A subject's months (a chart, a sparkline), then the pairs it is first of.
            models.UniqueConstraint(
                fields=["kind", "language", "subject_id", "month", "other_id"],
                name="monthly_count_language_unique",
            ),
        ]
        indexes = [
            # The pairs a subject is second of (the outlets that quoted an expert).
            models.Index(
                fields=["kind", "language", "other_id", "month"],
                name="monthly_count_other_lang_idx",
            ),
            # Every subject in a period (/trends/).
            models.Index(fields=["kind", "language", "month"], name="monthly_count_month_lang_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject_id}/{self.other_id} {self.month:%Y-%m}: {self.uses}"


class SlugRedirect(models.Model):
    """Where an old address of a merged or renamed expert or tag now points (permanently)."""

    class Kind(models.TextChoices):
        EXPERT = "expert", _("Expert")
        TAG = "tag", _("Tag")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    old_slug = models.SlugField(_("old slug"), max_length=255)
    new_slug = models.SlugField(_("new slug"), max_length=255)
    was_public = models.BooleanField(
        _("old address was public"),
        default=False,
        help_text=_(
            "Whether readers could see the subject at its old address when it moved: "
            "only then does the old address redirect."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("slug redirect")
        verbose_name_plural = _("slug redirects")
        constraints = [
            models.UniqueConstraint(fields=["kind", "old_slug"], name="slug_redirect_unique"),
            models.CheckConstraint(
                condition=~Q(old_slug=models.F("new_slug")), name="slug_redirect_not_to_itself"
            ),
        ]

    def __str__(self):
        return f"{self.kind}: {self.old_slug} → {self.new_slug}"


# The newsroom's and the newsletter's records live beside the code that makes them (in
# reviews/newsroom/ and reviews/newsletter/); their app is this one.
from reviews.newsletter.models import (  # noqa: E402, F401
    Delivery,
    DeliveryStatus,
    Mailing,
    Subscriber,
    Subscription,
    SubscriptionKind,
)
from reviews.newsroom.models import (  # noqa: E402, F401
    Activity,
    ActivityKind,
    Comment,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from reviews.suggesting.models import RejectedSuggestion  # noqa: E402, F401
