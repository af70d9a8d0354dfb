"""What load balancers and monitoring ask of each app server: `/healthz`, `/readyz` and
`/metrics`, answered before anything else runs. See docs/DEPLOYMENT.md, "Health checks and
metrics".
"""

import hmac
import ipaddress
import logging
import threading
import uuid
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django_prometheus.exports import ExportToDjangoView

from pressreview.http.security import client_address

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
METRICS_PATH = "/metrics"

# Databases whose migrations were all applied when last checked: not checked again.
_migrated: set[str] = set()
_migrated_lock = threading.Lock()


def plain(text: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(f"{text}\n", status=status, content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)
    return response


def healthz(request) -> HttpResponse:
    return plain("ok")


def check_database(alias: str) -> None:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    cache = caches["default"]
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not give back what was just stored in it")
    finally:
        cache.delete(key)


def check_migrations(alias: str) -> None:
    """Raise if a migration is left to apply. Reading the migration files costs tens of
    milliseconds, so once everything is applied the answer is kept for the process's life
    (a new release starts new processes)."""
    if alias in _migrated:
        return
    executor = MigrationExecutor(connections[alias])
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        names = ", ".join(f"{migration.app_label}.{migration.name}" for migration, _ in pending)
        raise RuntimeError(f"{len(pending)} migration(s) not applied: {names}")
    with _migrated_lock:
        _migrated.add(alias)


def readiness_failures() -> list[str]:
    """The names of the checks that failed, each failure logged with its reason."""
    failed = []

    def run(name: str, check, *args) -> bool:
        try:
            check(*args)
        except Exception:
            logger.warning("Readiness check %r failed.", name, exc_info=True)
            failed.append(name)
            return False
        return True

    if run("database", check_database, "default"):
        run("migrations", check_migrations, "default")
    replica = getattr(settings, "PRESSREVIEW_READ_REPLICA", "")
    if replica:
        # Public pages read there; its schema comes from the primary by replication.
        run("database-replica", check_database, replica)
    run("cache", check_cache)
    return failed


def readyz(request) -> HttpResponse:
    failed = readiness_failures()
    if failed:
        return plain(f"not ready: {', '.join(failed)}", status=503)
    return plain("ok")


@lru_cache(maxsize=4)
def allowed_networks(setting: str) -> tuple:
    """PRESSREVIEW_METRICS_ALLOWED_IPS: addresses or networks (CIDR), comma-separated."""
    networks = []
    for item in setting.split(","):
        if item.strip():
            networks.append(ipaddress.ip_network(item.strip(), strict=False))
    return tuple(networks)


def may_read_metrics(request) -> bool:
    """From an allowed address, or with the bearer token when one is configured.

    The address is the client's as pressreview.http.security.client_address sees it. A request
    that came through a proxy the settings do not know of (X-Forwarded-For while
    DJANGO_TRUSTED_PROXY_COUNT is 0) is not trusted by address: the proxy's own address,
    often loopback, says nothing of the client behind it.
    """
    token = getattr(settings, "PRESSREVIEW_METRICS_TOKEN", "")
    if token:
        offered = request.headers.get("Authorization", "")
        if hmac.compare_digest(offered.encode(), f"Bearer {token}".encode()):
            return True
    if not settings.PRESSREVIEW_TRUSTED_PROXY_COUNT and "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        address = ipaddress.ip_address(client_address(request))
    except ValueError:
        return False
    networks = allowed_networks(",".join(settings.PRESSREVIEW_METRICS_ALLOWED_IPS))
    return any(address in network for network in networks)


def metrics(request) -> HttpResponse:
    if not may_read_metrics(request):
        logger.warning("Metrics refused to %s.", client_address(request) or "an unknown address")
        return plain("forbidden", status=403)
    response = ExportToDjangoView(request)
    add_never_cache_headers(response)
    return response


ANSWERS = {HEALTH_PATH: healthz, READY_PATH: readyz, METRICS_PATH: metrics}


class OperationsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        answer = ANSWERS.get(request.path_info.rstrip("/") or "/")
        if answer is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = plain("method not allowed", status=405)
            response["Allow"] = "GET, HEAD"
            return response
        response = answer(request)
        if request.method == "HEAD":
            response.content = b""
        return response
