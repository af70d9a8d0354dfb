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

# A comment's thread was resolved, or reopened. Arguments: comment (the thread's first
# comment), by (the user).
comment_resolved = Signal()
comment_reopened = Signal()

# A stale save of the review unit was merged with what others saved meanwhile, and saved.
# Arguments: review, by (the user), merged (labels of the fields whose change by others was
# kept by itself), chosen (a list of (label, "mine" | "theirs" | "base") the editor picked).
stale_save_merged = Signal()
