"""Public pages. Every queryset here starts from a `published()` method."""

import datetime

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Citation, Expert, Outlet, Review, Story, published_tags


def stories_for_display():
    """Stories with everything a story block shows, in a fixed number of queries."""
    return Story.objects.select_related("outlet").prefetch_related(
        "tags",
        Prefetch("citations", queryset=Citation.objects.select_related("expert")),
    )


class HomeView(ListView):
    template_name = "reviews/home.html"
    context_object_name = "reviews"
    paginate_by = 10

    def get_queryset(self):
        return Review.objects.published().select_related("section").latest_first()


class ReviewListView(HomeView):
    template_name = "reviews/review_list.html"
    paginate_by = 20


class ReviewDetailView(DetailView):
    context_object_name = "review"

    def get_queryset(self):
        return (
            Review.objects.published()
            .select_related("section")
            .prefetch_related(Prefetch("stories", queryset=stories_for_display()))
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


class SubjectStoriesView(ListView):
    """One outlet's, expert's or tag's published stories, newest first."""

    paginate_by = 20
    context_object_name = "stories"
    subject_context_name = ""

    def get_subject(self):
        raise NotImplementedError

    def filter_stories(self, stories):
        raise NotImplementedError

    def get_queryset(self):
        self.subject = self.get_subject()
        stories = stories_for_display().published().select_related("review")
        return self.filter_stories(stories).order_by("-review__review_date", "review", "position")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**{self.subject_context_name: self.subject}, **kwargs)


class OutletDetailView(SubjectStoriesView):
    template_name = "reviews/outlet_detail.html"
    subject_context_name = "outlet"

    def get_subject(self):
        return get_object_or_404(Outlet.objects.published(), slug=self.kwargs["slug"])

    def filter_stories(self, stories):
        return stories.filter(outlet=self.subject)


class ExpertDetailView(ListView):
    """One expert's citations over time, each with the position held then."""

    template_name = "reviews/expert_detail.html"
    context_object_name = "citations"
    paginate_by = 20

    def get_queryset(self):
        self.expert = get_object_or_404(Expert.objects.published(), slug=self.kwargs["slug"])
        return (
            Citation.objects.published()
            .filter(expert=self.expert)
            .select_related("story__outlet", "story__review")
            .order_by("-story__review__review_date", "story__review", "story__position")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(expert=self.expert, **kwargs)


class TagDetailView(SubjectStoriesView):
    template_name = "reviews/tag_detail.html"
    subject_context_name = "tag"

    def get_subject(self):
        return get_object_or_404(published_tags(), slug=self.kwargs["slug"])

    def filter_stories(self, stories):
        return stories.filter(tags=self.subject)
