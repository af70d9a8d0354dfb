"""What moderators turned down: a suggested tag rejected for a story is not offered again
for it. Imported by reviews/models.py: the app is `reviews`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag


class RejectedSuggestion(models.Model):
    story = models.ForeignKey(
        "reviews.Story",
        on_delete=models.CASCADE,
        related_name="rejected_suggestions",
        verbose_name=_("story"),
    )
    # A rejected tag merged away goes with its rejections: the tag kept is a new question.
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+", verbose_name=_("tag"))
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("rejected by"),
    )
    rejected_at = models.DateTimeField(_("rejected"), auto_now_add=True)

    class Meta:
        verbose_name = _("rejected tag suggestion")
        verbose_name_plural = _("rejected tag suggestions")
        constraints = [
            models.UniqueConstraint(fields=["story", "tag"], name="rejected_suggestion_unique"),
        ]

    def __str__(self):
        return f"{self.tag_id} rejected for story {self.story_id}"
