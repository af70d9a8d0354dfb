"""What happens to a review, said once as signals: notifications and the activity log listen.

Each is sent after the transaction that made it commits, so a listener never sees (or mails
about) a change that was rolled back.
"""

from django.dispatch import Signal

# A workflow transition was applied. Arguments: review, transition (its name in
# reviews.publishing.workflow.TRANSITIONS), by (the user), reason (the send-back reason, or "").
review_transitioned = Signal()

# A comment was posted on a review or one of its stories. Arguments: comment (with .review,
# .story (or None), .author, .body), mentioned (a list of the users it @mentions).
comment_posted = Signal()
