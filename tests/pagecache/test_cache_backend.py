"""The Redis cache backend shares one redis-py client per server (pressreview/cache.py)."""

import threading
import uuid

import pytest
import redis

from pressreview.redis_cache import SharedClientRedisCache
from tests.support.services import skip_or_fail

# A database of its own: tests/test_scale_out.py empties database 5 while it runs.
REDIS_URL = "redis://127.0.0.1:6379/6"


@pytest.fixture
def shared_cache():
    """A backend with keys of its own, so that tests running at once in other workers (or
    other checkouts) neither see nor remove them."""
    try:
        with redis.Redis.from_url(REDIS_URL) as probe:
            probe.ping()
    except redis.RedisError as error:
        skip_or_fail(f"Redis is not answering at {REDIS_URL}: {error}")
    prefix = f"cache-backend-test-{uuid.uuid4().hex}"
    backend = SharedClientRedisCache(REDIS_URL, {"KEY_PREFIX": prefix})
    yield backend
    client = backend._cache.get_client(write=True)
    # Not backend.clear(): it empties the whole Redis database, other tests' keys included.
    if keys := list(client.scan_iter(f"{prefix}:*")):
        client.delete(*keys)
    # Django never closes a Redis cache's connection pool (its close() runs after every
    # request and must keep the connections). Left to the garbage collector, a socket may be
    # finalised before the connection that would have closed it, an "unclosed socket"
    # ResourceWarning that filterwarnings=error makes a failure of whichever test runs then.
    for pool in backend._cache._pools.values():
        pool.disconnect()


def test_every_operation_uses_the_same_client(shared_cache):
    client = shared_cache._cache.get_client()
    shared_cache.set("a", 1)
    assert shared_cache._cache.get_client("a", write=True) is client
    assert shared_cache._cache.get_client("a") is client


def test_the_shared_client_serves_threads_at_once(shared_cache):
    failures = []

    def work(number):
        try:
            for round_ in range(50):
                shared_cache.set(f"key-{number}", (number, round_))
                assert shared_cache.get(f"key-{number}") == (number, round_)
            assert shared_cache.get_many([f"key-{number}", "missing"]) == {
                f"key-{number}": (number, 49)
            }
        except Exception as error:  # reported below, with the thread's number
            failures.append((number, error))

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
