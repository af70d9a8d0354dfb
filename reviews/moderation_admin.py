"""Admin for moderators: the tagging queue and the tag vocabulary."""
