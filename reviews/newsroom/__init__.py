"""The newsroom's conversation: comments, notifications, the desk and the activity log."""
