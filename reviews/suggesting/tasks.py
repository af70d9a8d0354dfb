"""The tag model rebuilt by the background worker (`manage.py db_worker`), never inside a
request: queued after tagging once enough stories were tagged since the last version."""

import logging

from django.db import transaction
from django_tasks import task

from reviews.suggesting import store

logger = logging.getLogger(__name__)


@task()
def rebuild_tag_model() -> str:
    # Two queued rebuilds: the second finds the first's version fresh and stops.
    if not store.rebuild_is_due():
        return "fresh"
    summary = store.rebuild()
    logger.info(
        "Tag model version %s built from %s stories.", summary["version"], summary["stories"]
    )
    return f"version {summary['version']}: {summary['stories']} stories, {summary['tags']} tags"


def rebuild_when_due() -> None:
    """After tags changed: once the change commits, queue a rebuild if one is due (one
    aggregate over the tag counts; nothing queued otherwise)."""

    def queue_if_due():
        if store.rebuild_is_due():
            rebuild_tag_model.enqueue()

    transaction.on_commit(queue_if_due)
