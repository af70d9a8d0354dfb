"""The scripts in bench/ run as `python bench/<name>.py`: each answers --help, and a bad option
or a missing service stops it with one line, not a traceback.

They are run as child processes, as a person runs them; nothing here imports bench/.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.once

PROJECT = Path(__file__).resolve().parents[2]
SCRIPTS = [
    "run",
    "render",
    "explain",
    "counts",
    "charts",
    "importer",
    "load_with_writes",
    "longtail",
    "cache_through_edits",
]
# Port 1 on this machine: nothing listens there, so the connection is refused at once.
NOTHING_LISTENS = "127.0.0.1:1"


def bench(script: str, *arguments: str, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, f"bench/{script}.py", *arguments],
        cwd=PROJECT,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("script", SCRIPTS)
def test_each_bench_script_explains_itself(script):
    """`--help` shows the script's usage and what it measures."""
    done = bench(script, "--help")

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: {script}.py")
    assert "options:" in done.stdout


@pytest.mark.parametrize(
    ("script", "arguments", "message"),
    [
        ("run", ["--sizes", "many"], "argument --sizes: 'many' is not a whole number"),
        ("run", ["--duration", "0"], "argument --duration: '0' is less than 1"),
        ("run", ["--scenario", "rush"], "argument --scenario: choose from pages, longtail"),
        ("run", ["--zipf-exponent", "-1"], "argument --zipf-exponent: '-1' is not between 0"),
        ("render", ["--repeat", "x"], "argument --repeat: 'x' is not a whole number"),
        ("importer", ["--experts", "-5"], "argument --experts: '-5' is less than 1"),
        ("load_with_writes", ["--duration", "601"], "at most 600 seconds"),
        ("load_with_writes", ["--redis", "redis://example.org/8"], "only 127.0.0.1"),
    ],
)
def test_a_bad_option_is_refused_with_one_line(script, arguments, message):
    done = bench(script, *arguments)

    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_an_option_from_the_environment_is_checked_like_an_option():
    done = bench("run", BENCH_DURATION="soon")

    assert done.returncode == 2
    assert "argument --duration: 'soon' is not a whole number" in done.stderr


@pytest.mark.parametrize(
    ("script", "arguments", "environment", "message"),
    [
        (
            "run",
            ["--postgres", f"postgres://postgres@{NOTHING_LISTENS}"],
            {},
            "run.py: cannot reach PostgreSQL",
        ),
        (
            "load_with_writes",
            ["--server-url", f"postgres://postgres@{NOTHING_LISTENS}/postgres"],
            {},
            "load_with_writes.py: cannot reach PostgreSQL",
        ),
        (
            "render",
            [],
            {"DATABASE_URL": f"postgres://postgres@{NOTHING_LISTENS}/archive"},
            "render.py: cannot use the database",
        ),
        (
            "explain",
            [],
            {"DATABASE_URL": "sqlite:///archive.sqlite3"},
            "explain.py: this needs PostgreSQL",
        ),
    ],
)
def test_a_missing_service_is_named_in_one_line(script, arguments, environment, message):
    done = bench(script, *arguments, **environment)

    assert done.returncode == 1
    assert done.stderr.startswith(message)
    assert "Traceback" not in done.stderr
