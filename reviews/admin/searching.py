"""The admin's text search on PostgreSQL: the reader site's full-text search, served by its GIN
indexes, instead of `icontains` over every row; elsewhere Django's own search_fields."""

from django.db import connections

from reviews.models import ANY_LANGUAGE


class FullTextSearchMixin:
    # reviews.finding.search.search_stories or search_reviews, as a staticmethod
    full_text_search = None

    def get_search_results(self, request, queryset, search_term):
        vendor = connections[queryset.db].vendor
        if self.full_text_search is None or vendor != "postgresql" or not search_term.strip():
            return super().get_search_results(request, queryset, search_term)
        # The admin lists every language's editions: each searched as its language stems.
        return self.full_text_search(queryset, search_term, language=ANY_LANGUAGE), False
