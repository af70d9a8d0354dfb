"""A real SMTP server for the email tests (aiosmtpd), the database queue, and the worker
(`manage.py db_worker --batch`) run in the test: email takes the path it takes on a site.
Fixtures: `database_queue`, `smtp_server` (registered in tests/conftest.py)."""

import email
import email.policy
import signal
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Mailbox:
    """An SMTP server's handler that keeps what it accepts, and refuses the first
    `refuse` messages as a busy server does ("451: try again later")."""

    def __init__(self, refuse: int = 0):
        self.messages = []
        self.refusals_left = refuse
        self.refused = 0

    async def handle_DATA(self, server, session, envelope):
        if self.refusals_left:
            self.refusals_left -= 1
            self.refused += 1
            return "451 4.3.0 Mailbox busy, try again later"
        self.messages.append(envelope)
        return "250 2.0.0 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def database_queue(settings):
    """Tasks queued in the database, for the worker, as on a real site."""
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def smtp_server(database_queue, settings):
    """A real SMTP server on a free port of this machine, and the site set to send there."""
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield mailbox
    controller.stop()


def run_worker() -> None:
    """`manage.py db_worker --batch`: run every task that is due, then stop."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command(
            "db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0
        )
    finally:
        # The worker takes over Ctrl-C and SIGTERM for a graceful stop: give them back.
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def received(mailbox: Mailbox) -> list[email.message.EmailMessage]:
    return [
        email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        for envelope in mailbox.messages
    ]
