"""Public pages. Every queryset here starts from a `published()` method."""

import datetime

from django.conf import settings
from django.db.models import Count, Prefetch, Q, Subquery
from django.http import Http404, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import DetailView, ListView, TemplateView
from django.views.generic.dates import DayArchiveView, MonthArchiveView, YearArchiveView
from django_filters.views import FilterView
from taggit.models import Tag

from reviews.counts import published_counts
from reviews.finding.filters import ReviewFilter, StoryFilter
from reviews.finding.periods import PeriodForm
from reviews.finding.query import ReaderQuery
from reviews.finding.search import (
    SearchForm,
    highlight_results,
    ranked_review_results,
    ranked_story_results,
    ranking_was_bounded,
    reader_query,
    searched_query,
)
from reviews.models import (
    Citation,
    Expert,
    Outlet,
    Review,
    SlugRedirect,
    Story,
    TaggedStory,
    published_tags,
)
from reviews.names import in_reading_order
from reviews.pagecache import dependencies
from reviews.pagecache.marks import public_page
from reviews.site.figures import SUBJECT_FIGURES, trends_figures, with_sparklines
from reviews.site.paginators import CappedCountPaginator, PageRangePaginator
from reviews.site.quotations import quotations
from reviews.site.redirects import FollowsSlugRedirectsView
from reviews.translations import current_language, default_language, translated


def review_date_of(item) -> datetime.date:
    """The review date of a review, a story or a citation."""
    story = getattr(item, "story", item)
    return getattr(story, "review", story).review_date


class PageRangeMixin:
    """A list whose page numbers stop at `PageRangePaginator.max_pages`: its last page links
    on to what is older by date (`older_url`), as a reader would jump in an archive."""

    paginator_class = PageRangePaginator

    def older_address(self, day: datetime.date, query: QueryDict) -> str:
        """The list from `day` back, `query` (the request's, without `page`) kept."""
        return f"{reverse('reviews:review-list')}?{urlencode({'date_before': day})}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        context["older_url"] = None
        if page is not None and getattr(page, "further", False) and page.object_list:
            query = self.request.GET.copy()
            query.pop("page", None)
            day = review_date_of(list(page.object_list)[-1])
            context["older_url"] = self.older_address(day, query)
        return context


@public_page
class HomeView(PageRangeMixin, ListView):
    template_name = "reviews/home.html"
    context_object_name = "reviews"
    paginate_by = 10

    def get_queryset(self):
        return Review.objects.for_lists()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        # The newest review leads the first page with the headlines of its stories.
        if page.number == 1 and context["reviews"]:
            context["lead"] = (
                Review.objects.filter(pk=context["reviews"][0].pk)
                .select_related("section")
                .prefetch_related(Prefetch("stories", Story.objects.select_related("outlet")))
                .get()
            )
        lead = context.get("lead")
        context["earlier_reviews"] = [
            review for review in context["reviews"] if lead is None or review.pk != lead.pk
        ]
        return context


class ReaderFilterView(PageRangeMixin, FilterView):
    """A filtered list. An invalid parameter shows the form's errors with HTTP 400; the old
    slug of a renamed or merged tag or expert answers 301 to the list with the current one."""

    paginate_by = 20

    def older_address(self, day, query):
        # The same filters, from the last day shown on (that day again: nothing is skipped).
        oldest_first = query.get("ordering") == "date"
        bound = "date_after" if oldest_first else "date_before"
        if query.get(bound) == day.isoformat():  # a day longer than the pages: step past it
            day += datetime.timedelta(days=1 if oldest_first else -1)
        query[bound] = day.isoformat()
        return f"{self.request.path}?{query.urlencode()}"

    def get(self, request, *args, **kwargs):
        # FilterView.get, with the redirect before anything is rendered.
        self.filterset = self.get_filterset(self.get_filterset_class())
        valid = not self.filterset.is_bound or self.filterset.is_valid()
        if not valid and (current := self.filterset.with_current_slugs()) is not None:
            return HttpResponsePermanentRedirect(f"{request.path}?{current.urlencode()}")
        self.object_list = self.filterset.qs if valid else self.filterset.queryset.none()
        response = self.render_to_response(
            self.get_context_data(filter=self.filterset, object_list=self.object_list)
        )
        if not valid:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["active_filters"] = active_filters(self.request.GET, self.filterset)
        return context


def active_filters(query: QueryDict, filterset) -> list[tuple[str, str]]:
    """Each filter in force as (label, query string without it), for "remove" links."""
    if not filterset.is_bound or not filterset.is_valid():
        return []
    data = filterset.form.cleaned_data

    def without(name: str, value: str | None = None) -> str:
        remaining = query.copy()
        remaining.pop("page", None)
        if value is None:
            remaining.pop(name, None)
        else:
            remaining.setlist(name, [v for v in remaining.getlist(name) if v != value])
        return remaining.urlencode()

    chips = []
    if data.get("q"):
        chips.append((_("Words: “%s”") % data["q"], without("q")))
    if data.get("section"):
        chips.append((_("Section: %s") % translated(data["section"]), without("section")))
    for outlet in data.get("outlet") or []:
        chips.append((_("Outlet: %s") % translated(outlet), without("outlet", outlet.slug)))
    if data.get("expert"):
        chips.append((_("Expert: %s") % translated(data["expert"]), without("expert")))
    for tag in data.get("tag") or []:
        chips.append((_("Tag: %s") % translated(tag), without("tag", tag.slug)))
    if data.get("date_after"):
        chips.append((_("From %s") % data["date_after"].isoformat(), without("date_after")))
    if data.get("date_before"):
        chips.append((_("Until %s") % data["date_before"].isoformat(), without("date_before")))
    if data.get("ordering") and data["ordering"][0] == "date":
        chips.append((_("Oldest first"), without("ordering")))
    return chips


@public_page
class ReviewListView(ReaderFilterView):
    filterset_class = ReviewFilter
    template_name = "reviews/review_list.html"
    context_object_name = "reviews"

    def get_queryset(self):
        return Review.objects.for_lists()


@public_page
class StoryListView(ReaderFilterView):
    filterset_class = StoryFilter
    template_name = "reviews/story_list.html"
    context_object_name = "stories"

    def get_queryset(self):
        return Story.objects.for_lists()


class ReviewArchiveMixin:
    date_field = "review_date"
    # Visibility is published()'s business, not the review date's.
    allow_future = True
    allow_empty = False
    make_object_list = True
    paginate_by = 50
    paginator_class = CappedCountPaginator
    context_object_name = "reviews"

    def get_queryset(self):
        return Review.objects.for_lists()


@public_page
class ReviewYearArchiveView(ReviewArchiveMixin, YearArchiveView):
    template_name = "reviews/review_archive_year.html"


@public_page
class ReviewMonthArchiveView(ReviewArchiveMixin, MonthArchiveView):
    template_name = "reviews/review_archive_month.html"
    month_format = "%m"


@public_page
class ReviewDayArchiveView(ReviewArchiveMixin, DayArchiveView):
    """The reviews of one review date: the day a review's dateline names."""

    template_name = "reviews/review_archive_day.html"
    month_format = "%m"


@public_page
class ReviewDetailView(DetailView):
    context_object_name = "review"
    related_count = 4
    # How many story ids before and after this review's the related reviews are drawn
    # from: about three months of a daily archive of four reviews of six stories. (At
    # 600,000 stories a window of 5,000 took twice as long and chose nearly the same.)
    related_window = 2_000

    def get_queryset(self):
        # The edition in the page's language: /ru/... shows Russian editions only.
        return (
            Review.objects.published()
            .in_language()
            .select_related("section")
            .prefetch_related(Prefetch("stories", queryset=Story.objects.for_display()))
        )

    def get_object(self, queryset=None):
        try:
            review_date = datetime.date(
                self.kwargs["year"], self.kwargs["month"], self.kwargs["day"]
            )
        except ValueError as invalid_date:
            raise Http404("No such date.") from invalid_date
        return get_object_or_404(
            queryset if queryset is not None else self.get_queryset(),
            review_date=review_date,
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        neighbours = self.neighbours()
        editions = self.editions()
        self.shown = self.shown_dependencies(neighbours) | {
            dependencies.review(edition.pk) for edition in editions
        }
        return super().get_context_data(
            **neighbours,
            structured_data=self.structured_data(),
            edition_addresses=self.published_addresses(editions),
            **kwargs,
        )

    def editions(self) -> list[Review]:
        """Every edition of this review in any state, itself included: the page depends on
        them all (one published or withdrawn changes its switcher), shows only the public."""
        review = self.object
        if review.edition_group_id is None:
            return []
        return list(
            Review.objects.filter(edition_group_id=review.edition_group_id).only(
                "language", "slug", "review_date", "status", "publish_at"
            )
        )

    def published_addresses(self, editions: list[Review]) -> dict[str, str]:
        """The addresses of the published editions by language (templatetags/editions.py)."""
        return {
            edition.language: edition.get_absolute_url()
            for edition in editions
            if edition.is_published()
        }

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        return dependencies.depends_on(response, self.shown)

    def shown_dependencies(self, neighbours: dict) -> set[str]:
        """Everything the page shows, by name (reviews.pagecache.dependencies): the page
        cache keeps it through changes of anything else. The reviews shown (this one with
        its stories, the previous, next and related ones), their sections, the outlets,
        experts and tags named, and the tags of the stories related reviews are drawn from."""
        review = self.object
        others = [neighbours["previous_review"], neighbours["next_review"]]
        others = [other for other in [*others, *neighbours["related_reviews"]] if other]
        names = {dependencies.review(review.pk)}
        names.update(dependencies.card(other.pk) for other in others)
        names.update(
            dependencies.subject("section", shown.section_id) for shown in [review, *others]
        )
        story_ids = []
        for story in review.stories.all():
            story_ids.append(story.pk)
            names.add(dependencies.subject("outlet", story.outlet_id))
            names.update(dependencies.subject("tag", tag.pk) for tag in story.shown_tags)
            names.update(
                dependencies.subject("expert", citation.expert_id)
                for citation in story.shown_citations
            )
        if story_ids:
            names.update(
                dependencies.tagging_between(
                    min(story_ids) - self.related_window, max(story_ids) + self.related_window
                )
            )
        return names

    def neighbours(self) -> dict:
        """The previous and next published reviews and the related ones, read in one query:
        the previous is the newest of those read that is older than this review (none read
        is newer than it), the next the oldest of those newer."""
        review = self.object
        # A review previewed before publication has no publish time yet: place it among
        # the published ones as if it went out now.
        placed = (review.review_date, review.publish_at or timezone.now())
        published = Review.objects.published().in_language(review.language)
        previous, following = published.previous_and_next(
            review_date=placed[0], publish_at=placed[1]
        )
        related_ids = self.related_review_ids()
        found = (
            published.select_related("section")
            .filter(Q(pk__in=related_ids) | Q(pk=Subquery(previous)) | Q(pk=Subquery(following)))
            .in_bulk()
        )

        def placing(other):
            return (other.review_date, other.publish_at, other.pk)

        before = [other for other in found.values() if placing(other)[:2] < placed]
        after = [other for other in found.values() if placing(other)[:2] > placed]
        return {
            "previous_review": max(before, key=placing, default=None),
            "next_review": min(after, key=placing, default=None),
            "related_reviews": [found[pk] for pk in related_ids if pk in found],
        }

    def structured_data(self) -> list[dict]:
        """schema.org NewsArticle, BreadcrumbList and a Quotation per citation (JSON-LD)."""
        review, absolute = self.object, self.request.build_absolute_uri
        publisher = {"@type": "Organization", "name": settings.PRESSREVIEW_SITE_NAME}
        return [
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": shortened(review.title, HEADLINE_LENGTH),
                "description": review.lede,
                "datePublished": review.publish_at.isoformat(),
                "dateModified": review.updated_at.isoformat(),
                "articleSection": translated(review.section),
                "dateline": review.dateline,
                "mainEntityOfPage": absolute(review.get_absolute_url()),
                "author": publisher,
                "publisher": publisher,
                "keywords": [
                    translated(tag)
                    for tag in in_reading_order(
                        {tag for story in review.stories.all() for tag in story.shown_tags}
                    )
                ],
            },
            {
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "name": name,
                        "item": absolute(url),
                    }
                    for position, (name, url) in enumerate(
                        [
                            (_("Home"), reverse("reviews:home")),
                            (translated(review.section), review.section.get_absolute_url()),
                            (review.title, review.get_absolute_url()),
                        ],
                        start=1,
                    )
                ],
            },
            *quotations(review, absolute),
        ]

    def related_review_ids(self) -> list[int]:
        """Other published reviews sharing the most tags with this one, newest first,
        among those of about the same time (stories within `related_window` ids)."""
        stories = self.object.stories.all()
        tag_ids = {tag.pk for story in stories for tag in story.shown_tags}
        if not tag_ids:
            return []
        # A common tag is shared with tens of thousands of stories: comparing them all
        # would read most of the archive. Ids rise with time, so a range of story ids
        # around this review's is its time, and one index range serves it.
        story_ids = [story.pk for story in stories]
        # Ranked over the tag rows alone, the few winners read whole with the previous and
        # next (neighbours()): ranking whole review rows sorted a megabyte for every page.
        return list(
            TaggedStory.objects.published()
            .filter(
                content_object__review__language=self.object.language,
                tag_id__in=tag_ids,
                content_object__gte=min(story_ids) - self.related_window,
                content_object__lte=max(story_ids) + self.related_window,
            )
            .exclude(content_object__review=self.object)
            .values("content_object__review_id")
            .annotate(shared_tags=Count("tag_id", distinct=True))
            .order_by(
                "-shared_tags", "-content_object__review__review_date", "-content_object__review_id"
            )
            .values_list("content_object__review_id", flat=True)[: self.related_count]
        )


# schema.org's (and search engines') limit for an article's headline, in characters.
HEADLINE_LENGTH = 110


def shortened(text: str, limit: int) -> str:
    """`text` in at most `limit` characters: cut after the last whole word that fits, with an
    ellipsis, never inside a word (a single word longer than the limit is cut all the same)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]  # and room for the ellipsis
    if not text[limit - 1].isspace():
        cut = cut.rpartition(" ")[0] or cut
    return cut.rstrip(" ,;:\u2013\u2014-") + "…"  # no dangling comma, colon or dash


class CountedListView(ListView):
    """Every outlet or tag with published stories, in reading order (accents and case aside),
    each with its `story_count`: the kept counts (reviews.counts) say which have any."""

    kind = ""  # of reviews.counts.published_counts
    related = ()  # fetched with each subject

    def get_queryset(self):
        counts = published_counts(self.kind)
        # All of them, sorted here: taggit's tags have no stored sort key to order by, and
        # names in another language none either.
        subjects = self.model.objects.filter(pk__in=counts).select_related(*self.related)
        subjects = with_counts(in_reading_order(subjects), counts)
        return with_sparklines(self.kind, subjects)


@public_page
class OutletListView(CountedListView):
    model, kind = Outlet, "outlet"
    template_name = "reviews/outlet_list.html"
    context_object_name = "outlets"


@public_page
class ExpertListView(ListView):
    template_name = "reviews/expert_list.html"
    context_object_name = "experts"
    paginate_by = 60
    paginator_class = CappedCountPaginator

    def get_queryset(self):
        experts = Expert.objects.listed()
        if current_language() == default_language():
            return experts.order_by("sort_name", "pk")
        # Names in another language have no stored sort key: sorted here, as the tags are.
        return in_reading_order(experts)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        experts = list(context["object_list"])
        # Counted for this page's experts only.
        counts = published_counts("expert", ids=[expert.pk for expert in experts])
        context["experts"] = context["object_list"] = with_sparklines(
            "expert", with_counts(experts, counts, name="citation_count")
        )
        return context


@public_page
class TagListView(CountedListView):
    model, kind = Tag, "tag"
    related = ("translation",)  # its names in other languages
    template_name = "reviews/tag_list.html"
    context_object_name = "tags"


def with_counts(subjects, counts: dict[int, int], *, name: str = "story_count") -> list:
    """The subjects as a list, each given its count as the attribute `name`."""
    subjects = list(subjects)
    for subject in subjects:
        setattr(subject, name, counts.get(subject.pk, 0))
    return subjects


class SubjectPageView(PageRangeMixin, ListView):
    """The page of one public outlet, expert or tag (`kind`), then its stories or citations.

    The template has it as `subject` and under its kind's name, with the address of its feed
    (`feed_url`) and of the story list filtered by it (`filter_url`).
    """

    kind = ""  # "outlet", "expert" or "tag": names its feed and its filter of the story list
    paginate_by = 20

    def public_subjects(self):
        raise NotImplementedError

    def items_of(self, subject):
        raise NotImplementedError

    def get_queryset(self):
        self.subject = get_object_or_404(self.public_subjects(), slug=self.kwargs["slug"])
        return self.items_of(self.subject)

    def get_context_data(self, **kwargs):
        slug = self.subject.slug
        context = super().get_context_data(
            subject=self.subject,
            **{self.kind: self.subject},
            feed_url=reverse(f"reviews:{self.kind}-feed", kwargs={"slug": slug}),
            filter_url=self.filter_url(),
            **kwargs,
        )
        # The charts open the first page only: the later ones are for reading on.
        if context["page_obj"].number == 1:
            context["figures"] = SUBJECT_FIGURES[self.kind](self.subject)
        return context

    def filter_url(self, **more) -> str:
        """The story list filtered by this subject (and by `more`)."""
        return (
            f"{reverse('reviews:story-list')}?{urlencode({self.kind: self.subject.slug, **more})}"
        )

    def older_address(self, day, query):
        return self.filter_url(date_before=day.isoformat())


@public_page
class OutletDetailView(SubjectPageView):
    kind = "outlet"
    template_name = "reviews/outlet_detail.html"
    context_object_name = "stories"

    def public_subjects(self):
        return Outlet.objects.published()

    def items_of(self, outlet):
        return Story.objects.for_lists().filter(outlet=outlet)


@public_page
class TagDetailView(FollowsSlugRedirectsView, SubjectPageView):
    kind = "tag"
    slug_redirect_kind = SlugRedirect.Kind.TAG
    template_name = "reviews/tag_detail.html"
    context_object_name = "stories"

    def public_subjects(self):
        return published_tags().select_related("translation")

    def items_of(self, tag):
        return Story.objects.for_lists().filter(tags=tag)


@public_page
class ExpertDetailView(FollowsSlugRedirectsView, SubjectPageView):
    """One expert's citations over time, each with the position held then."""

    kind = "expert"
    slug_redirect_kind = SlugRedirect.Kind.EXPERT
    template_name = "reviews/expert_detail.html"
    context_object_name = "citations"

    def public_subjects(self):
        return Expert.objects.published()

    def items_of(self, expert):
        return (
            Citation.objects.published()
            .in_language()
            .filter(expert=expert)
            .select_related("story__outlet", "story__review", "expert")
            .order_by("-story__review__review_date", "-story__review__publish_at", "story__pk")
        )


@public_page
class TrendsView(TemplateView):
    """/trends/: topics rising in the period's last week, the most quoted experts of the
    period and who quotes whom, the period chosen by `date_after` and `date_before` (as on
    the lists); an invalid one shows the form's message with HTTP 400."""

    template_name = "reviews/trends.html"

    def get(self, request, *args, **kwargs):
        form = PeriodForm(request.GET)
        valid = form.is_valid()
        context = {"form": form}
        if valid:
            context.update(period=form.cleaned_data["period"])
            context.update(trends_figures(form.cleaned_data["period"]))
        response = self.render_to_response(self.get_context_data(**context))
        if not valid:
            response.status_code = 400
        return response


@public_page
class SearchView(ListView):
    """/search/?q=...: published stories matching the reader's words, best first, under
    the few best-matching reviews. Words too long to search show a message with HTTP 400."""

    template_name = "reviews/search.html"
    context_object_name = "stories"
    paginate_by = 20
    paginator_class = CappedCountPaginator
    reviews_shown = 5

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.query = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        # Read once for the stories and the reviews (names' other spellings: one query).
        self.searched = searched_query(self.query) if self.query else None
        response = super().get(request, *args, **kwargs)
        if self.form.errors:
            response.status_code = 400
        return response

    def get_queryset(self):
        if not self.query:
            return Story.objects.none()
        return (
            ranked_story_results(self.searched).select_related("outlet", "review").with_shown_tags()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, query=self.query, **kwargs)
        read = reader_query(self.query)
        context["searchable"] = bool(read)
        context["search_notes"] = search_notes(read) if self.query else []
        page = context["page_obj"]
        page.object_list = highlight_results(page.object_list)
        context["stories"] = context["object_list"] = page.object_list
        # Only the newest RANKED_MATCHES matches are ranked (reviews.finding.search).
        context["story_count_capped"] = ranking_was_bounded(page.paginator.count)
        context["reviews"], context["review_count"] = [], 0
        if self.query and page.number == 1:
            reviews = ranked_review_results(self.searched).select_related("section")
            context["reviews"] = highlight_results(reviews[: self.reviews_shown])
            # At most RANKED_MATCHES, as for the stories: beyond it the page says "more than".
            context["review_count"] = reviews.count()
            context["review_count_capped"] = ranking_was_bounded(context["review_count"])
        return context


def search_notes(query: ReaderQuery) -> list[str]:
    """What the search left out of the reader's words, and why."""
    notes = []
    if query.common_words:
        words = "”, “".join(query.common_words)
        notes.append(
            ngettext(
                "“%(words)s” is too common to search for: nearly every text has it.",
                "“%(words)s” are too common to search for: nearly every text has them.",
                len(query.common_words),
            )
            % {"words": words}
        )
    if query.only_exclusions:
        notes.append(_("A minus sign only leaves words out: add a word to look for."))
    elif not query and query.common_words:
        notes.append(_("Add a less common word to look for."))
    elif not query:
        notes.append(_("Type a word to look for: punctuation alone finds nothing."))
    return notes
