"""The layering of docs/ARCHITECTURE.md, beyond what `lint-imports` (pyproject.toml) can say:
services answer no HTTP request, so they import no HTTP machinery, directly or not."""

import ast
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SERVICES = [
    "reviews/publishing",
    "reviews/vocabulary",
    "reviews/exchange",
    "reviews/importer",
    "reviews/newsroom",
    "reviews/suggesting",
]
# What only a view or the admin needs: a service that imports one of these answers requests.
HTTP_MACHINERY = (
    "django.http",
    "django.shortcuts",
    "django.views",
    "django.template.response",
    "django.contrib.admin",
    "django.contrib.messages",
    "reviews.pagecache.middleware",
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def service_modules() -> list[Path]:
    return sorted(path for folder in SERVICES for path in (PROJECT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", service_modules(), ids=lambda path: str(path.relative_to(PROJECT)))
def test_services_import_no_http_machinery(path):
    offending = sorted(
        module
        for module in imported_modules(path)
        if any(module == bad or module.startswith(f"{bad}.") for bad in HTTP_MACHINERY)
    )
    assert not offending, f"{path.relative_to(PROJECT)} imports {offending}: move it to a view"


def test_the_check_finds_a_violation(tmp_path):
    """The check itself is not blind: a module importing django.http is caught."""
    module = tmp_path / "service.py"
    module.write_text("from django.http import HttpResponse\nimport django.shortcuts\n")

    assert {"django.http", "django.shortcuts"} <= imported_modules(module)
