"""Django's Redis cache, with one redis-py client per server instead of one per operation.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` around the shared
connection pool for every cache operation. Building one fills a table of some 170 response
callbacks: about 0.15 ms of CPU, which was half the cost of serving a stored page (two cache
reads) under `make bench`. A `redis.Redis` is safe to share between threads (each command
borrows a connection from the pool), so one per server is kept and reused.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            # Two threads may both build one here; either is as good, and one is kept.
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
