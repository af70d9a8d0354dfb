"""Playwright against Debian's Chromium, serving the site with pytest-django's live_server.

Playwright cannot download its own browser here, so the tests drive /usr/bin/chromium
(`apt-get install chromium`). Without it they are skipped, unless PRESSREVIEW_REQUIRE_BROWSER
or PRESSREVIEW_REQUIRE_SERVICES is set (as .ci/run does), in which case the run stops at once:
CI must never skip them silently.
"""

import importlib
import os
import shutil
from pathlib import Path

import pytest
from django.apps import apps

from tests.support.services import services_required

# The live server's ORM calls run inside Playwright's event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PRESSREVIEW_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    if os.environ.get("PRESSREVIEW_REQUIRE_BROWSER") or services_required():
        # A usage error, not a failure: this runs at collection, before any test.
        raise pytest.UsageError(
            f"Browser tests need Chromium at {CHROMIUM}: apt-get install chromium"
        )
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def base_url():
    # Replaces pytest-playwright's own fixture, which warns under pytest 9.
    return None


@pytest.fixture
def screenshot_folder(request) -> Path:
    """test-artifacts/<test>/, for this test's screenshots."""
    folder = ARTIFACTS / request.node.name.replace("[", "-").replace("]", "")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def screenshot(page, screenshot_folder):
    """Save a screenshot of `page` as test-artifacts/<test>/<name>.png: what the screen
    shows, or the whole page (much slower on a long page) with `full_page=True` or
    PRESSREVIEW_FULL_SCREENSHOTS=1 (for a human to look over every page at length)."""
    folder = screenshot_folder
    always_full = os.environ.get("PRESSREVIEW_FULL_SCREENSHOTS", "") not in ("", "0")

    def take(name: str, *, full_page: bool = False) -> Path:
        full_page = full_page or always_full
        path = folder / f"{name}.png"
        page.screenshot(path=path, full_page=full_page)
        return path

    return take


@pytest.fixture
def editorial_groups(transactional_db):
    """The groups a data migration creates, which live_server's flush between tests drops."""
    importlib.import_module("reviews.migrations.0002_editorial_groups").create_groups(apps, None)
    importlib.import_module("reviews.migrations.0005_workflow_group_permissions").add_permissions(
        apps, None
    )
