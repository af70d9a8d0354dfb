"""The Redis cache backend shares one redis-py client per server (pressreview/cache.py)."""

import threading

import pytest
import redis

from pressreview.redis_cache import SharedClientRedisCache

REDIS_URL = "redis://127.0.0.1:6379/5"


@pytest.fixture
def shared_cache():
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis is not answering at {REDIS_URL}: {error}")
    backend = SharedClientRedisCache(REDIS_URL, {"KEY_PREFIX": "cache-backend-test"})
    yield backend
    backend.clear()
    backend.close()


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
