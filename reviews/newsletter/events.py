"""When a review's newsletter starts: at once when it is published, at its time when it is
scheduled (the worker waits for it; `manage.py send_newsletter` catches up any missed)."""

from django.dispatch import receiver

from reviews.newsletter.tasks import enqueue_mailing
from reviews.newsroom.events import review_transitioned
from reviews.newsroom.notifications import never_fails_the_caller


@receiver(review_transitioned, dispatch_uid="newsletter-start-mailing")
@never_fails_the_caller
def start_mailing_when_public(sender, *, review, transition: str, **kwargs):
    if transition == "publish":
        enqueue_mailing(review.pk)
    elif transition == "schedule":
        enqueue_mailing(review.pk, run_after=review.publish_at)
