"""The site's processes start without scikit-learn: it loads with the first suggestion."""

import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
STARTS_THE_SITE = """
import sys, django
django.setup()
from django.urls import reverse
import pressreview.urls, reviews.admin
reverse("admin:reviews_storytotag_changelist")
print(sorted(name for name in ("sklearn", "scipy", "joblib") if name in sys.modules))
"""


@pytest.mark.once  # a process of its own in a clean environment: the same on every database
def test_starting_the_site_loads_no_machine_learning_library():
    """scikit-learn and SciPy take seconds to import: no app server start may wait for them."""
    result = subprocess.run(
        [sys.executable, "-c", STARTS_THE_SITE],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT,
        env={"DJANGO_SETTINGS_MODULE": "pressreview.settings", "PATH": "/usr/bin:/bin"},
    )

    assert result.stdout.strip() == "[]"
