"""Pressreview settings.

Every value that differs between development and production comes from an environment
variable (documented in README.md). With no configuration at all the site runs in debug
mode on an SQLite file in the project folder; production refuses to start until the
values it cannot guess are set.
"""

import copy
import datetime
import ipaddress
import os
import sys
from pathlib import Path

import dj_database_url
import dj_email_url
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from pressreview.http.site_root import cache_root_files

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        refuse_to_start(f"{name} must be a whole number, not {value!r}.")


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
    # Nested inlines: a review's stories with their citations on one page.
    "nested_admin",
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
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "reviews",
    "corsheaders",
    "ninja",
    "api",
]

MIDDLEWARE = [
    # Every answer carries a request id, and so does every log line written while giving it.
    "pressreview.request_log.RequestIdMiddleware",
    # /healthz, /readyz and /metrics, answered before any host check, https redirect, page
    # cache or rate limit, and not counted in the metrics (pressreview/operations.py).
    "pressreview.operations.OperationsMiddleware",
    # Requests and latencies for Prometheus: the totals here, by view at the end.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that may answer early (the API's rate limit, static files, the
    # outage page, the page cache), so that every response has the Content Security Policy.
    "pressreview.http.security.ContentSecurityPolicyMiddleware",
    # The content API (/api/): CORS headers first, so that every answer there has them,
    # then its rate limit, caching headers and JSON errors (api/middleware.py).
    "corsheaders.middleware.CorsMiddleware",
    "api.middleware.ApiMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A database outage answers 503 with a friendly page (pressreview/database_outage.py).
    "pressreview.http.outage.DatabaseUnavailableMiddleware",
    # Where this request reads (a replica or the primary), then the public page cache,
    # early so that a stored page costs no session or database work (docs/PERFORMANCE.md).
    "pressreview.routers.PrimaryPinningMiddleware",
    "reviews.pagecache.middleware.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of the page, from its address alone (/ru/... or the default): after the
    # page cache, which stores pages by their full address, so the language is in the key.
    "pressreview.http.language.AddressLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Requests and latencies by view (a page served from the page cache reaches no view: it
    # is counted by pressreview_page_cache_answers_total, reviews/pagecache/).
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
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
                "reviews.site.context_processors.site",
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
        # The pool checks a connection before lending it, so that a database restart
        # costs readers nothing (docs/SECURITY.md, "Database outage").
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env_int("DATABASE_POOL_MIN_SIZE", 2),
        "max_size": env_int("DATABASE_POOL_MAX_SIZE", 10),
        # How long a request waits for a connection before answering 503 (database outage).
        "timeout": env_int("DATABASE_POOL_TIMEOUT", 10),
        # psycopg_pool retries a lost connection with a backoff that grows for five minutes;
        # giving up after a few seconds lets the next request start afresh, so the site is
        # back within seconds of its database.
        "reconnect_timeout": 5,
    }
    # PostgreSQL's default costs assume spinning disks and favour parallel sequential scans;
    # for a database held in memory or on SSD answering short web queries, the indexes are
    # the better road (docs/PERFORMANCE.md). DATABASE_PLANNER_OPTIONS="" keeps the server's.
    PLANNER_OPTIONS = os.environ.get(
        "DATABASE_PLANNER_OPTIONS", "-c random_page_cost=1.1 -c max_parallel_workers_per_gather=0"
    )
    if PLANNER_OPTIONS:
        DATABASES["default"]["OPTIONS"]["options"] = PLANNER_OPTIONS

# A read replica (docs/DEPLOYMENT.md): DATABASE_REPLICA_URL sends the public pages' reads
# there, while writes, the admin and a client's requests in the seconds after a write use the
# primary (pressreview/routers.py). Under test, the replica alias is the primary's database.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
PRESSREVIEW_READ_REPLICA = "replica" if DATABASE_REPLICA_URL else ""
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=0, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    if DATABASES["replica"]["ENGINE"] == DATABASES["default"]["ENGINE"]:
        # The same pool and planner options as the primary's.
        DATABASES["replica"]["OPTIONS"] = copy.deepcopy(DATABASES["default"].get("OPTIONS", {}))
DATABASE_ROUTERS = ["pressreview.routers.PrimaryReplicaRouter"]
PRESSREVIEW_PRIMARY_COOKIE = "pressreview_primary"
PRESSREVIEW_PRIMARY_PIN_SECONDS = env_int("PRESSREVIEW_PRIMARY_PIN_SECONDS", 15)

# Cache: Redis when REDIS_URL is set (shared by every app server), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "pressreview.redis_cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pressreview",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The public page cache (reviews/pagecache/): anonymous readers' pages are stored at most
# this many seconds (0 turns it off) and dropped at once by any change of content; browsers
# and proxies may reuse a page PRESSREVIEW_PAGE_MAX_AGE seconds without asking (0: they ask,
# and get a 304 while it is unchanged). Pages rendered this many seconds after a change
# are read from the primary, in case the replica lags behind.
PRESSREVIEW_PAGE_CACHE_SECONDS = env_int("PRESSREVIEW_PAGE_CACHE_SECONDS", 600)
# The stored pages and their generation must be seen by every process that serves requests,
# or a change made through one process leaves the others serving old pages. In production
# several processes are the rule, and only Redis is shared: without REDIS_URL the page cache
# is off (pressreview/wsgi.py says so at start, `check --deploy` warns). Development's
# runserver is one process, so its local-memory cache is safe. docs/DEPLOYMENT.md.
PRESSREVIEW_PAGE_CACHE_OFF_REASON = ""
if not DEBUG and not REDIS_URL and PRESSREVIEW_PAGE_CACHE_SECONDS > 0:
    PRESSREVIEW_PAGE_CACHE_SECONDS = 0
    PRESSREVIEW_PAGE_CACHE_OFF_REASON = (
        "The public page cache is off: REDIS_URL is not set, and a cache of its own in each "
        "worker process would keep serving pages another process has changed. Set REDIS_URL "
        "to turn it on (docs/DEPLOYMENT.md)."
    )
PRESSREVIEW_PAGE_MAX_AGE = env_int("PRESSREVIEW_PAGE_MAX_AGE", 0)
# Fragments many pages share (the filter form's choices) are remembered per content
# generation (reviews.pagecache.middleware.remembered), under the same condition as the page cache:
# a cache every process shares, or development's single process.
# Not a setting of its own: a fragment kept in one process's memory would outlive a change
# made through another process (a withdrawn outlet still offered in the filters).
PRESSREVIEW_FRAGMENT_CACHE = bool(REDIS_URL) or DEBUG
PRESSREVIEW_REPLICA_LAG_SECONDS = env_int("PRESSREVIEW_REPLICA_LAG_SECONDS", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The languages reviews are published in (docs/ARCHITECTURE.md, "Editions"): language codes,
# the first the default, whose pages keep the unprefixed addresses; the others live under
# /<code>/. Names come from Django's own table, so a code Django does not know fails here.
LANGUAGE_CODES = env_list("PRESSREVIEW_LANGUAGES", "en,ru")
if not LANGUAGE_CODES:
    refuse_to_start("PRESSREVIEW_LANGUAGES must name at least one language code, e.g. en,ru.")
_unknown_languages = [code for code in LANGUAGE_CODES if code not in LANG_INFO]
if _unknown_languages:
    refuse_to_start(
        f"PRESSREVIEW_LANGUAGES names unknown language codes: {', '.join(_unknown_languages)}."
    )
LANGUAGE_CODE = LANGUAGE_CODES[0]
LANGUAGES = [(code, _(LANG_INFO[code]["name"])) for code in LANGUAGE_CODES]
# The interface's message catalogues (locale/<language>/LC_MESSAGES): see docs/ARCHITECTURE.md.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Where `collectstatic` puts the files production serves (hashed, compressed).
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files asked for at the site's root (/favicon.ico), served by WhiteNoise and kept a week.
WHITENOISE_ROOT = BASE_DIR / "site_root"
WHITENOISE_ADD_HEADERS_FUNCTION = cache_root_files
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

# Logs go to standard error, each line with the request id (pressreview/request_log.py):
# plain text by default, one JSON object per line with DJANGO_LOG_FORMAT=json.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "plain").strip().lower() or "plain"
if LOG_FORMAT not in {"plain", "json"}:
    refuse_to_start(f"DJANGO_LOG_FORMAT must be plain or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "pressreview.request_log.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Django's own default handlers for "django" would write its lines a second time, in
    # another format (in debug) or by mail to ADMINS (none are set): the root's only.
    "loggers": {"django": {"level": "INFO", "handlers": [], "propagate": True}},
}

# Background tasks (Django's Tasks API, django-tasks): notification email is queued in the
# database and sent by the worker, `manage.py db_worker` (`make run` starts one beside the
# site; docs/DEPLOYMENT.md for production). No service beyond the database is needed.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Tags suggested from the text (reviews/suggesting, docs/TAGGING.md): where the model's
# versions are kept (writable by the worker, readable by the site), how many published story
# tags the archive needs before a first build, and how many new ones before each rebuild.
PRESSREVIEW_TAG_MODEL_DIR = Path(
    os.environ.get("PRESSREVIEW_TAG_MODEL_DIR", BASE_DIR / "var" / "tag-model")
)
PRESSREVIEW_TAG_MODEL_FIRST_BUILD = env_int("PRESSREVIEW_TAG_MODEL_FIRST_BUILD", 200)
PRESSREVIEW_TAG_MODEL_REBUILD_AFTER = env_int("PRESSREVIEW_TAG_MODEL_REBUILD_AFTER", 500)
# Overrides of reviews.suggesting.engine.Tuning (neighbours, thresholds), for the tests.
PRESSREVIEW_TAG_MODEL_TUNING: dict = {}

# Outgoing email. EMAIL_URL (smtp://user:password@host:587/?tls=1, submission://, smtps://,
# console:, file:///path, dummy:) sets everything at once; otherwise Django's EMAIL_* settings
# come from variables of the same names. Development with neither prints each message on the
# worker's console.
EMAIL_URL = os.environ.get("EMAIL_URL", "").strip()
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG and not os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
# A server that stops answering must not hold the worker for ever: the attempt fails and is
# tried again later (reviews/newsroom/tasks.py).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
if EMAIL_URL:
    try:
        _email = dj_email_url.parse(EMAIL_URL)
    except ValueError as error:
        refuse_to_start(f"EMAIL_URL cannot be read ({error}).")
    if "EMAIL_BACKEND" not in _email:
        refuse_to_start(
            "EMAIL_URL must start with smtp://, submission://, smtps://, console:, file:// or "
            f"dummy:, not {EMAIL_URL.split(':', 1)[0]!r}."
        )
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"] or EMAIL_HOST
    EMAIL_PORT = _email["EMAIL_PORT"] or EMAIL_PORT
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
    EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"] or EMAIL_TIMEOUT
    EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Pressreview <pressreview@localhost>")
# Notification email that fails is tried again after each of these delays (seconds), then
# given up: five attempts over about two and a half hours.
PRESSREVIEW_EMAIL_RETRY_DELAYS = [60, 300, 1800, 7200]

# The newsletter (reviews/newsletter/, README.md, "The newsletter"): emails per task of the worker,
# how long a confirmation link works, how far back `manage.py send_newsletter` catches up
# reviews that became public with no mailing, and sign-ups allowed per client (its address,
# an IPv6 client by its /64) and per email address, counted in the cache (django-ratelimit).
PRESSREVIEW_NEWSLETTER_BATCH_SIZE = env_int("PRESSREVIEW_NEWSLETTER_BATCH_SIZE", 50)
PRESSREVIEW_NEWSLETTER_CONFIRM_DAYS = env_int("PRESSREVIEW_NEWSLETTER_CONFIRM_DAYS", 7)
PRESSREVIEW_NEWSLETTER_CATCH_UP_HOURS = env_int("PRESSREVIEW_NEWSLETTER_CATCH_UP_HOURS", 48)
# A delivery a worker claimed and has not finished after this long counts as abandoned (the
# worker stopped): `send_newsletter` queues it again.
PRESSREVIEW_NEWSLETTER_LEASE_MINUTES = env_int("PRESSREVIEW_NEWSLETTER_LEASE_MINUTES", 30)
PRESSREVIEW_NEWSLETTER_CLIENT_RATE = os.environ.get("PRESSREVIEW_NEWSLETTER_CLIENT_RATE", "20/h")
PRESSREVIEW_NEWSLETTER_ADDRESS_RATE = os.environ.get("PRESSREVIEW_NEWSLETTER_ADDRESS_RATE", "3/h")
RATELIMIT_IP_META_KEY = "pressreview.http.security.client_address"
RATELIMIT_IPV6_MASK = 64

TAGGIT_CASE_INSENSITIVE = True
# ASCII tag slugs, so that every tag's address matches the <slug:...> URL pattern.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# Pressreview's own settings.
PRESSREVIEW_SITE_NAME = os.environ.get("PRESSREVIEW_SITE_NAME", "Pressreview")
# The site's address, for the links in notification email (which no request carries).
PRESSREVIEW_SITE_URL = os.environ.get("PRESSREVIEW_SITE_URL", "").strip().rstrip("/")
if not PRESSREVIEW_SITE_URL:
    _host = next((host for host in ALLOWED_HOSTS if not host.startswith((".", "*"))), "")
    PRESSREVIEW_SITE_URL = "http://127.0.0.1:8000" if DEBUG or not _host else f"https://{_host}"
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

# Security. With debug off every protection is on unless a variable (README.md, "Configuration";
# docs/SECURITY.md) explicitly loosens it; development keeps plain http on 127.0.0.1.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=True)
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a promise to browser vendors that is slow to take back, made for
        # every subdomain too: an explicit choice (DJANGO_HSTS_PRELOAD=1), not a default.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    # Only behind a proxy that sets X-Forwarded-Proto itself, overwriting the client's.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): only this site's own files run or style a page. No
# inline script or style and no eval anywhere, and no exceptions (docs/SECURITY.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": env_list("DJANGO_CSP_REPORT_URI") or None,
    },
}

# Brute force (django-axes): after AXES_FAILURE_LIMIT failed logins, the same user name from
# the same address is refused for the cool-off time, whatever the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("PRESSREVIEW_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("PRESSREVIEW_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "pressreview.http.security.login_lockout_response"
# No start-up banner or routine notes: failed logins and lockouts are logged, as warnings.
AXES_VERBOSE = False
LOGGING["loggers"]["axes"] = {"level": "WARNING"}
# Behind this many proxies appending to X-Forwarded-For, the client's address is the one they
# were given, counted from the right (which a client cannot forge); 0: the connection's. Used
# by the login lockout and the API's rate limit (pressreview.http.security.client_address).
PRESSREVIEW_TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "pressreview.http.security.client_address"

# Operations (pressreview/operations.py, docs/DEPLOYMENT.md): /healthz and /readyz answer
# anyone, over plain http too (they are answered before SecurityMiddleware; the exemption
# keeps it so should the middleware order change). /metrics answers only the addresses or
# networks listed here (loopback by default) or a request with
# `Authorization: Bearer <PRESSREVIEW_METRICS_TOKEN>`.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$", r"^readyz/?$", r"^metrics/?$"]
PRESSREVIEW_METRICS_ALLOWED_IPS = env_list("PRESSREVIEW_METRICS_ALLOWED_IPS", "127.0.0.1,::1")
for _network in PRESSREVIEW_METRICS_ALLOWED_IPS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError:
        refuse_to_start(
            f"PRESSREVIEW_METRICS_ALLOWED_IPS: {_network!r} is not an address or a network "
            "(write e.g. 127.0.0.1,10.0.0.0/8)."
        )
PRESSREVIEW_METRICS_TOKEN = os.environ.get("PRESSREVIEW_METRICS_TOKEN", "")
