"""Settings come from the environment and refuse to start production half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Each test starts a process of its own in a clean environment: the same on every database.
pytestmark = pytest.mark.once

PROJECT = Path(__file__).resolve().parents[2]


def run_check(**env):
    """Run `manage.py check` in a clean process with only `env` set (plus PATH)."""
    environment = {"PATH": os.environ["PATH"], **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="press.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_check(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_production_starts_with_a_secret_key_and_allowed_hosts():
    result = run_check(
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="press.example.org"
    )
    assert result.returncode == 0, result.stderr


def test_development_needs_no_configuration():
    result = run_check()
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("", "django.db.backends.sqlite3"),
        ("postgres://news:pw@db.internal:5432/press", "django.db.backends.postgresql"),
    ],
)
def test_database_url_picks_the_engine_and_postgres_uses_the_pool(url, engine):
    code = (
        "from django.conf import settings; db = settings.DATABASES['default'];"
        "print(db['ENGINE'], bool(db.get('OPTIONS', {}).get('pool')), db['CONN_MAX_AGE'])"
    )
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "pressreview.settings"}
    if url:
        env["DATABASE_URL"] = url
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    expected_pool = engine.endswith("postgresql")
    assert result.stdout.split() == [engine, str(expected_pool), "0"]


def test_redis_url_switches_the_cache_to_redis():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "pressreview.settings",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == "pressreview.redis_cache.SharedClientRedisCache"


def email_settings(**env) -> subprocess.CompletedProcess:
    code = (
        "from django.conf import settings as s;"
        "print(s.EMAIL_BACKEND.rsplit('.', 2)[-2], s.EMAIL_HOST, s.EMAIL_PORT,"
        " s.EMAIL_HOST_USER, s.EMAIL_USE_TLS, s.EMAIL_TIMEOUT)"
    )
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "pressreview.settings",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=environment, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "console localhost 25  False 10"),
        (
            {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "a.org"},
            "smtp localhost 25  False 10",
        ),
        (
            {"EMAIL_URL": "submission://desk%40press.example:pw@mail.example.org"},
            "smtp mail.example.org 587 desk@press.example True 10",
        ),
        (
            {"EMAIL_HOST": "relay.internal", "EMAIL_PORT": "2525", "EMAIL_USE_TLS": "1"},
            "smtp relay.internal 2525  True 10",
        ),
    ],
    ids=["development", "production", "email-url", "email-variables"],
)
def test_outgoing_email_comes_from_email_url_or_the_email_variables(env, expected):
    result = email_settings(**env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip("\n") == expected


def test_an_email_url_of_an_unknown_kind_is_refused_in_one_line():
    result = email_settings(EMAIL_URL="pigeon://loft.example.org")
    assert result.returncode != 0
    assert "EMAIL_URL must start with smtp://" in result.stderr
    assert "Traceback" not in result.stderr
