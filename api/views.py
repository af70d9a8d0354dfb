"""The endpoints of /api/v1/. Every queryset starts from a `published()` method.

Lists page by cursor (pagination.py) and take their filters through the pages' FilterSets;
HTTP matters common to all (rate limit, ETag, Cache-Control, JSON errors) are middleware.py's.
"""

import datetime
import functools
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder

from pressreview.http.moved import answer_or_moved
from reviews import tallies
from reviews.counts import count_published_uses, published_counts
from reviews.finding.filters import ReviewFilter, StoryFilter
from reviews.finding.periods import MonthsForm
from reviews.models import (
    ANY_LANGUAGE,
    Expert,
    Outlet,
    Review,
    Section,
    SlugRedirect,
    Story,
    published_tags,
)
from reviews.vocabulary.redirects import moved_page_url

from . import schemas
from .pagination import InvalidCursor, paginate
from .representations import Representer

DESCRIPTION = """
Published press reviews as data, read-only: the same content, and only the content, that the
public site shows.

- **Lists** page by cursor: follow `next` and `previous`, which keep your other parameters.
  `page_size` is 20 unless you ask for up to 100.
- **Filters** of `/reviews` and `/stories` are those of the site's pages: `q`, `section`,
  `outlet` (repeatable, any of), `expert`, `tag` (repeatable, all of), `date_after`,
  `date_before` (YYYY-MM-DD, inclusive, on the review date) and `ordering` (`-date`, `date`).
  An invalid value answers 400 with the parameter and the problem; an unknown id or slug 404.
- **Languages**: `/reviews` and `/stories` list the editions in one language, `language`
  (the site's default when not given); each review says its `language` and lists its other
  published `editions`, and names its section, outlets, experts and tags in its language.
  A review or story by id, or a review by date and slug, is found in any language. Outlets,
  experts, tags and sections, and an expert's citations over time, take `language` too:
  names in it (the default language's where one has none) and uses in its editions; lists
  stay in the order of the default language's names.
- **Old slugs** of a renamed or merged tag or expert still work: in a filter they stand for
  the current one, and `/tags/<old>` or `/experts/<old>` answers 301 to the current address.
- **Caching**: answers carry an `ETag` (send it back as `If-None-Match` for a 304 while the
  answer is unchanged) and may be kept by shared caches for a minute.
- **Limits**: anonymous clients are rate limited per address (429 with `Retry-After`).
  Any origin may read the API from a browser (CORS).
"""


class LocalSwagger(Swagger):
    """Swagger UI from the files django-ninja ships (no CDN), without inline script (CSP)."""

    template = "api/docs.html"

    def render_page(self, request, api, **kwargs):
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        return render(request, self.template, {"api": api, "swagger_settings": settings})


class OffsetJSONEncoder(NinjaJSONEncoder):
    """Datetimes with their UTC offset written out ("+00:00", where Django would write "Z")."""

    def default(self, o):
        if isinstance(o, datetime.datetime) and o.utcoffset() is not None:
            return o.isoformat(timespec="milliseconds" if o.microsecond else "seconds")
        return super().default(o)


class OffsetJSONRenderer(JSONRenderer):
    encoder_class = OffsetJSONEncoder


class ContentAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        """`list_reviews` rather than django-ninja's `api_views_list_reviews`."""
        return operation.view_func.__name__


api = ContentAPI(
    title="Pressreview API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    renderer=OffsetJSONRenderer(),
    docs=LocalSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


class InvalidParameters(Exception):
    """Query parameters the API cannot answer: (parameter, message) pairs."""

    def __init__(self, errors: list[tuple[str | None, str]]):
        self.errors = errors
        super().__init__(errors)


@api.exception_handler(InvalidParameters)
def invalid_parameters(request, exc):
    errors = [{"parameter": name, "message": str(message)} for name, message in exc.errors]
    names = ", ".join(sorted({error["parameter"] or "(all)" for error in errors}))
    return api.create_response(
        request, {"detail": f"Invalid value for: {names}.", "errors": errors}, status=400
    )


@api.exception_handler(NinjaValidationError)
def invalid_by_schema(request, exc):
    """What pydantic refuses (e.g. page_size=0) is a 400 too, in the same shape."""
    errors = [
        (error["loc"][-1] if error.get("loc") else None, error["msg"]) for error in exc.errors
    ]
    return invalid_parameters(request, InvalidParameters(errors))


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


ERRORS = {400: schemas.InvalidParameters, 429: schemas.Problem}
DETAIL_ERRORS = {404: schemas.Problem, 429: schemas.Problem}
# A subject by slug takes `language`, which may be refused.
SUBJECT_ERRORS = {**ERRORS, **DETAIL_ERRORS}


def check_parameters(request, repeatable: tuple[str, ...]) -> None:
    """Refuse what the FilterSets are not there to judge: NUL characters (PostgreSQL refuses
    them in any text, and the form may look values up before validating them), `page` (this
    API pages by cursor: a page number would be silently ignored) and too many values of a
    repeatable parameter (each tag is one more join)."""
    errors = []
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            errors.append((name.replace("\x00", ""), "Null characters are not allowed."))
    if "page" in request.GET:
        errors.append(("page", "This API pages by cursor: follow the next and previous links."))
    for name in repeatable:
        if len(request.GET.getlist(name)) > schemas.MAX_REPEATS:
            errors.append((name, f"At most {schemas.MAX_REPEATS} values."))
    if errors:
        raise InvalidParameters(errors)


def filtered(filterset_class, request, queryset):
    """`queryset` filtered and ordered by the pages' FilterSet, or a 400 with its messages."""
    # As FilterView does: no filter parameter, no bound form (the page's own parameters,
    # here the cursor and page size, are not filters).
    data = request.GET.copy()
    for name in [*schemas.PageParams.model_fields, "language"]:
        data.pop(name, None)
    filterset = filterset_class(data or None, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        # The old slug of a renamed or merged tag or expert stands for the current one.
        current = filterset.with_current_slugs()
        if current is not None:
            filterset = filterset_class(current, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        raise InvalidParameters(
            [
                (None if name == "__all__" else name, message)
                for name, messages in filterset.errors.items()
                for message in messages
            ]
        )
    return filterset.qs


def page_of(request, queryset, params: schemas.PageParams, *, filterset_class=None):
    """The page the parameters ask for, and the absolute links to its neighbours; the list
    first filtered by `filterset_class`, when it has one."""
    check_parameters(request, repeatable=("outlet", "tag"))
    if filterset_class is not None:
        queryset = filtered(filterset_class, request, queryset)
    try:
        page = paginate(queryset, cursor=params.cursor, page_size=params.page_size)
    except InvalidCursor as invalid:
        raise InvalidParameters([("cursor", str(invalid))]) from invalid

    def link(cursor):
        if cursor is None:
            return None
        query = request.GET.copy()
        query["cursor"] = cursor
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return page.items, {"next": link(page.next_cursor), "previous": link(page.previous_cursor)}


def object_or_404(queryset, message: str, **lookup):
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404(message)
    return found


def follows_slug_redirects(kind: str):
    """For a detail endpoint by slug: a 404 at an old public slug of a renamed or merged
    subject answers 301 to the current subject's address instead (reviews.vocabulary.redirects)."""

    def decorate(endpoint):
        @functools.wraps(endpoint)
        def wrapper(request, slug: str, **kwargs):
            return answer_or_moved(
                lambda: endpoint(request, slug=slug, **kwargs),
                lambda: moved_page_url(request, kind=kind, slug=slug),
            )

        return wrapper

    return decorate


def published_reviews(*, any_language: bool = False):
    """Reviews with all that the API shows of them, in a fixed number of queries: those of
    the list's language, or (`any_language`, to find one by id) of every language."""
    reviews = Review.objects.for_lists(language=ANY_LANGUAGE if any_language else None)
    return reviews.with_published_editions().prefetch_related(
        Prefetch("stories", queryset=Story.objects.for_display())
    )


def published_stories(*, any_language: bool = False):
    stories = Story.objects.for_lists(language=ANY_LANGUAGE if any_language else None)
    return stories.select_related("review__section")


@contextmanager
def requested_language(request):
    """The language a list is asked for (`language`; the site's default when not given),
    active while the list is read and shown: its reviews and stories are that language's
    editions."""
    languages = [code for code, _name in settings.LANGUAGES]
    language = request.GET.get("language") or settings.LANGUAGE_CODE
    if language not in languages:
        raise InvalidParameters(
            [("language", f"One of the site's languages: {', '.join(languages)}.")]
        )
    with translation.override(language):
        yield


@dataclass(frozen=True)
class Subjects:
    """Outlets, experts, tags or sections: listed by name (the default language's), or one
    by slug, each named in the language asked for and with its number of published uses in
    that language's editions, counted as the site's lists count them (reviews.counts)."""

    published: Callable[[], QuerySet]
    count_uses: Callable[..., dict[int, int]]  # (ids=[...]) -> {id: uses}
    represent: Callable[[Representer, Any, int], dict]
    not_found: str

    def uses(self, subjects) -> dict[int, int]:
        ids = [subject.pk for subject in subjects]
        return self.count_uses(ids=ids) if ids else {}


def section_review_counts(*, ids) -> dict[int, int]:
    # In the editions of the language asked for, as its lists of reviews.
    reviews = Review.objects.in_language().filter(section_id__in=ids)
    return count_published_uses(reviews, "section_id", review="")


OUTLETS = Subjects(
    published=lambda: Outlet.objects.published().order_by("name"),
    count_uses=functools.partial(published_counts, "outlet"),
    represent=Representer.outlet_with_count,
    not_found="No outlet has this slug.",
)
EXPERTS = Subjects(
    published=lambda: Expert.objects.published().order_by("name", "pk"),
    count_uses=functools.partial(published_counts, "expert"),
    represent=Representer.expert_with_count,
    not_found="No expert has this slug.",
)
TAGS = Subjects(
    published=lambda: published_tags().select_related("translation").order_by("name"),
    count_uses=functools.partial(published_counts, "tag"),
    represent=Representer.tag_with_count,
    not_found="No tag has this slug.",
)
SECTIONS = Subjects(
    published=lambda: Section.objects.published().order_by("name"),
    count_uses=section_review_counts,
    represent=Representer.section_with_count,
    not_found="No section has this slug.",
)


def subject_page(request, subjects: Subjects, params: schemas.SubjectPageParams) -> dict:
    with requested_language(request):
        found, links = page_of(request, subjects.published(), params)
        uses, show = subjects.uses(found), Representer(request)
        return {
            **links,
            "results": [
                subjects.represent(show, subject, uses.get(subject.pk, 0)) for subject in found
            ],
        }


def one_subject(request, subjects: Subjects, slug: str) -> dict:
    with requested_language(request):
        subject = object_or_404(subjects.published(), subjects.not_found, slug=slug)
        uses = subjects.uses([subject]).get(subject.pk, 0)
        return subjects.represent(Representer(request), subject, uses)


@api.get(
    "/", response=schemas.Index, url_name="index", tags=["index"], summary="Where everything is"
)
def index(request):
    links = ["reviews", "stories", "outlets", "experts", "tags", "sections"]
    return {
        **{name: request.build_absolute_uri(reverse(f"api-v1:{name}")) for name in links},
        "openapi": request.build_absolute_uri(reverse("api-v1:openapi-json")),
        "docs": request.build_absolute_uri(reverse("api-v1:openapi-view")),
    }


@api.get(
    "/reviews",
    response={200: schemas.ReviewPage, **ERRORS},
    url_name="reviews",
    tags=["reviews"],
    summary="Published reviews, newest first, with their stories",
)
def list_reviews(request, params: Query[schemas.ReaderFilterParams]):
    with requested_language(request):
        reviews, links = page_of(request, published_reviews(), params, filterset_class=ReviewFilter)
        show = Representer(request)
        return {**links, "results": [show.review(review) for review in reviews]}


@api.get(
    "/reviews/{int:review_id}",
    response={200: schemas.Review, **DETAIL_ERRORS},
    url_name="review-detail",
    tags=["reviews"],
    summary="One review by id",
)
def review_detail(request, review_id: int):
    review = object_or_404(
        published_reviews(any_language=True), "No published review has this id.", pk=review_id
    )
    return Representer(request).review(review)


@api.get(
    "/reviews/{int:year}/{int:month}/{int:day}/{slug:slug}",
    response={200: schemas.Review, **DETAIL_ERRORS},
    url_name="review-by-date",
    tags=["reviews"],
    summary="One review by its review date and slug, as in its public address",
)
def review_by_date(request, year: int, month: int, day: int, slug: str):
    message = "No published review has this date and slug."
    try:
        review_date = datetime.date(year, month, day)
    except (ValueError, OverflowError) as no_such_date:
        raise Http404(message) from no_such_date
    review = object_or_404(
        published_reviews(any_language=True), message, review_date=review_date, slug=slug
    )
    return Representer(request).review(review)


@api.get(
    "/stories",
    response={200: schemas.StoryPage, **ERRORS},
    url_name="stories",
    tags=["stories"],
    summary="Stories of published reviews, newest first",
)
def list_stories(request, params: Query[schemas.ReaderFilterParams]):
    with requested_language(request):
        stories, links = page_of(request, published_stories(), params, filterset_class=StoryFilter)
        show = Representer(request)
        return {**links, "results": [show.story(story) for story in stories]}


@api.get(
    "/stories/{int:story_id}",
    response={200: schemas.Story, **DETAIL_ERRORS},
    url_name="story-detail",
    tags=["stories"],
    summary="One story by id",
)
def story_detail(request, story_id: int):
    story = object_or_404(
        published_stories(any_language=True),
        "No story of a published review has this id.",
        pk=story_id,
    )
    return Representer(request).story(story)


@api.get(
    "/outlets",
    response={200: schemas.OutletPage, **ERRORS},
    url_name="outlets",
    tags=["outlets"],
    summary="Outlets with stories in published reviews, by name",
)
def list_outlets(request, params: Query[schemas.SubjectPageParams]):
    return subject_page(request, OUTLETS, params)


@api.get(
    "/outlets/{slug:slug}",
    response={200: schemas.Outlet, **SUBJECT_ERRORS},
    url_name="outlet-detail",
    tags=["outlets"],
    summary="One outlet (its stories: /stories?outlet=<slug>)",
)
def outlet_detail(request, slug: str, params: Query[schemas.LanguageParams]):
    return one_subject(request, OUTLETS, slug)


@api.get(
    "/experts",
    response={200: schemas.ExpertPage, **ERRORS},
    url_name="experts",
    tags=["experts"],
    summary="Experts cited in published reviews, by name",
)
def list_experts(request, params: Query[schemas.SubjectPageParams]):
    return subject_page(request, EXPERTS, params)


@api.get(
    "/experts/{slug:slug}",
    response={200: schemas.Expert, **SUBJECT_ERRORS},
    url_name="expert-detail",
    tags=["experts"],
    summary="One expert (their citations: /stories?expert=<slug>)",
)
@follows_slug_redirects(SlugRedirect.Kind.EXPERT)
def expert_detail(request, slug: str, params: Query[schemas.LanguageParams]):
    return one_subject(request, EXPERTS, slug)


@api.get(
    "/experts/{slug:slug}/citations-over-time",
    response={200: schemas.ExpertCitationsOverTime, **ERRORS, **DETAIL_ERRORS},
    url_name="expert-citations-over-time",
    tags=["experts"],
    summary="One expert's citations per month and by outlet, published reviews only",
)
@follows_slug_redirects(SlugRedirect.Kind.EXPERT)
def expert_citations_over_time(request, slug: str, params: Query[schemas.PeriodParams]):
    check_parameters(request, repeatable=())
    form = MonthsForm(request.GET)
    if not form.is_valid():
        raise InvalidParameters(
            [
                (None if name == "__all__" else name, message)
                for name, messages in form.errors.items()
                for message in messages
            ]
        )
    with requested_language(request):
        expert = object_or_404(EXPERTS.published(), EXPERTS.not_found, slug=slug)
        period = form.cleaned_data["period"]
        return {
            "expert": Representer(request).expert(expert),
            "date_after": period.start,
            "date_before": period.end,
            "months": [
                {
                    "month": month.strftime("%Y-%m"),
                    "citations": sum(outlet.uses for outlet in outlets),
                    "outlets": [
                        {"name": outlet.name, "slug": outlet.slug, "citations": outlet.uses}
                        for outlet in outlets
                    ],
                }
                for month, outlets in tallies.citations_by_month_and_outlet(expert, period)
            ],
        }


@api.get(
    "/tags",
    response={200: schemas.TagPage, **ERRORS},
    url_name="tags",
    tags=["tags"],
    summary="Tags of stories in published reviews, by name",
)
def list_tags(request, params: Query[schemas.SubjectPageParams]):
    return subject_page(request, TAGS, params)


@api.get(
    "/tags/{slug:slug}",
    response={200: schemas.TagWithCount, **SUBJECT_ERRORS},
    url_name="tag-detail",
    tags=["tags"],
    summary="One tag (its stories: /stories?tag=<slug>)",
)
@follows_slug_redirects(SlugRedirect.Kind.TAG)
def tag_detail(request, slug: str, params: Query[schemas.LanguageParams]):
    return one_subject(request, TAGS, slug)


@api.get(
    "/sections",
    response={200: schemas.SectionPage, **ERRORS},
    url_name="sections",
    tags=["sections"],
    summary="Sections with published reviews, by name",
)
def list_sections(request, params: Query[schemas.SubjectPageParams]):
    return subject_page(request, SECTIONS, params)


@api.get(
    "/sections/{slug:slug}",
    response={200: schemas.Section, **SUBJECT_ERRORS},
    url_name="section-detail",
    tags=["sections"],
    summary="One section (its reviews: /reviews?section=<slug>)",
)
def section_detail(request, slug: str, params: Query[schemas.LanguageParams]):
    return one_subject(request, SECTIONS, slug)
