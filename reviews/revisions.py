"""Revisions of reviews with their stories and citations (django-reversion)."""

from django.contrib import admin


class ReviewVersionAdmin(admin.ModelAdmin):
    """Base of ReviewAdmin: history, compare and revert (to be built)."""
