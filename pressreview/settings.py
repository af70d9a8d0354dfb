"""Pressreview settings.

Every value that differs between development and production comes from an environment
variable (documented in README.md). With no configuration at all the site runs in debug
mode on an SQLite file in the project folder; production refuses to start until the
values it cannot guess are set.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def refuse_to_start(message: str) -> None:
    """Stop the process with one line saying what to set, rather than a traceback."""
    sys.exit(f"Pressreview refuses to start: {message}")


DEBUG = env_bool("DJANGO_DEBUG", default=True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        refuse_to_start(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string "
            "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(50))'`) "
            "or set DJANGO_DEBUG=1 for development."
        )
    SECRET_KEY = "django-insecure-development-only-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    refuse_to_start(
        "DJANGO_ALLOWED_HOSTS is not set. Set it to the comma-separated host names the site "
        "answers to, e.g. DJANGO_ALLOWED_HOSTS=press.example.org."
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "taggit",
    "reversion",
    "reviews",
    "corsheaders",
    "ninja",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The content API (/api/): CORS headers first, so that every answer there has them,
    # then its rate limit, caching headers and JSON errors (api/middleware.py).
    "corsheaders.middleware.CorsMiddleware",
    "api.middleware.ApiMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "pressreview.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reviews.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "pressreview.wsgi.application"
ASGI_APPLICATION = "pressreview.asgi.application"

# Database: SQLite by default; DATABASE_URL=postgres://... switches to PostgreSQL through
# psycopg 3 with Django's connection pool (which requires CONN_MAX_AGE = 0).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DATABASE_POOL_MIN_SIZE", "2")),
        "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE", "10")),
        "timeout": 10,
    }

# Cache: Redis when REDIS_URL is set (shared by every app server), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pressreview",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files in production (needs `collectstatic`); plain files in
        # development so that no build step stands between an edit and a reload.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

TAGGIT_CASE_INSENSITIVE = True
# ASCII tag slugs, so that every tag's address matches the <slug:...> URL pattern.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# Pressreview's own settings.
PRESSREVIEW_SITE_NAME = os.environ.get("PRESSREVIEW_SITE_NAME", "Pressreview")
PRESSREVIEW_DISCLAIMER = os.environ.get(
    "PRESSREVIEW_DISCLAIMER",
    "The agency is not responsible for the material quoted in these press reviews.",
)

# The content API (/api/v1/, the `api` app). Anonymous clients may send this many requests per
# address ("120/minute", "1000/hour"; 0 for no limit), counted in the cache above so that app
# servers sharing Redis share the count.
PRESSREVIEW_API_RATE_LIMIT = os.environ.get("PRESSREVIEW_API_RATE_LIMIT", "120/minute")
# Any origin may read the API from a browser (django-cors-headers); nothing else is shared.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-modified-since", "if-none-match"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
# Behind this many proxies appending to X-Forwarded-For, the client's address is the one they
# were given, counted from the right (which a client cannot forge); 0: the connection's.
PRESSREVIEW_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
