"""What the scripts in bench/ share: their command line, Django in-process, PostgreSQL and Redis,
a gunicorn server, timings and the tables that print them.

Every script runs as `python bench/<name>.py` (the folder is then on `sys.path`, so `import
harness` finds this module), answers `--help`, says what it is doing during long steps and stops
with one line, not a traceback, when an argument is wrong or a service it needs is missing.
"""

import argparse
import datetime
import http.client
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

# Messages


def say(message: str) -> None:
    """A progress line, stamped with the time and shown at once."""
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def fail(message: str) -> NoReturn:
    """Stop the script with one line saying what is wrong (exit status 1)."""
    raise SystemExit(f"{Path(sys.argv[0]).name}: {message}")


def first_line(error: BaseException) -> str:
    """An error's message without the lines libraries add below it."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def shown_url(url: str) -> str:
    """A service's URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return parts.geturl()


# The command line


def arguments(doc: str) -> argparse.ArgumentParser:
    """A parser whose `--help` shows the script's docstring as written."""
    return argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )


def env_option(parser, flag: str, *, env: str, default: str, help: str = "", **kwargs) -> None:
    """An option whose default comes from the environment variable `env`. The default is a
    string that argparse checks with the option's type, so that a bad value in the
    environment is reported like a bad option."""
    shown = f"{env}, default {default}" if default else env
    parser.add_argument(
        flag,
        default=os.environ.get(env, default),
        help=f"{help} ({shown})".lstrip(),
        **kwargs,
    )


def whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum` (1_000 is allowed)."""

    def parse(text: str) -> int:
        try:
            value = int(text.replace("_", "").replace(",", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text!r} is less than {minimum}")
        return value

    return parse


positive = whole_number(1)


def local_url(text: str) -> str:
    """An argparse type: a service URL on this machine (the scripts create, drop and flush)."""
    if text and urlsplit(text).hostname not in LOCAL_HOSTS:
        raise argparse.ArgumentTypeError(f"only 127.0.0.1 may be used: {text}")
    return text


# Django in this process


def setup_django(**environment: str) -> None:
    """Set Django up in this process as manage.py does, with `environment` added first."""
    os.environ.update(environment)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressreview.settings")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    try:
        import django
    except ImportError:
        fail("Django is not installed for this Python: run `make install`, then .venv/bin/python")
    # WhiteNoise looks for collected static files, which in-process requests do not need.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    try:
        django.setup()
    except Exception as error:  # settings.py reading the environment (DATABASE_URL, say)
        fail(f"the settings cannot be read: {first_line(error)}")


def require_database(*, postgresql: bool = False, content: bool = True) -> None:
    """Stop unless the database DATABASE_URL names answers, is migrated and (`content`) holds
    published reviews; `postgresql`: and is PostgreSQL. Call it after `setup_django`."""
    url = os.environ.get("DATABASE_URL", "")
    on_postgresql = url.startswith(("postgres://", "postgresql://"))
    if postgresql and not on_postgresql:
        fail("this needs PostgreSQL: set DATABASE_URL=postgres://user@127.0.0.1:5432/<database>")
    if on_postgresql:
        import psycopg

        try:
            psycopg.connect(url, connect_timeout=5).close()
        except psycopg.Error as error:
            fail(f"cannot use the database {shown_url(url)}: {first_line(error)}")
    elif not url:
        sqlite = ROOT / "db.sqlite3"
        if not sqlite.exists():
            fail(f"no database: {sqlite} does not exist; set DATABASE_URL=postgres://...")

    from django.db import connection

    if "reviews_review" not in connection.introspection.table_names():
        fail(f"{connection.settings_dict['NAME']} holds no Pressreview tables: migrate it first")
    from reviews.models import Review

    if content and not Review.objects.published().exists():
        fail(
            f"{connection.settings_dict['NAME']} holds no published review: fill it with "
            "`manage.py generate_content --reviews 1000`"
        )


@dataclass(frozen=True)
class Subjects:
    """The outlet, expert and tag whose pages the in-process benchmarks request."""

    outlet: object
    expert: object
    tag: object


def subjects() -> Subjects:
    """The first published outlet, the first expert cited and the first tag used, by id:
    the same on every run against the same content, so that runs compare."""
    from reviews.models import Citation, Expert, Outlet, TaggedStory

    outlet = Outlet.objects.published().order_by("pk").first()
    expert_id = Citation.objects.values_list("expert_id", flat=True).order_by("pk").first()
    tagged = TaggedStory.objects.select_related("tag").order_by("pk").first()
    if outlet is None or expert_id is None or tagged is None:
        fail("the database needs stories with outlets, citations and tags (generate_content)")
    return Subjects(outlet=outlet, expert=Expert.objects.get(pk=expert_id), tag=tagged.tag)


# Services: PostgreSQL, Redis, programs


class PostgresServer:
    """A PostgreSQL server reached with an account that may create databases. Every query
    runs in autocommit, as CREATE DATABASE and VACUUM need."""

    def __init__(self, url: str):
        self.url = url
        path = urlsplit(url).path.strip("/")
        self.maintenance_url = self.database_url(path or "postgres")
        try:
            self.query("SELECT 1")
        except Exception as error:
            fail(f"cannot reach PostgreSQL at {shown_url(url)}: {first_line(error)}")

    def database_url(self, name: str) -> str:
        return urlsplit(self.url)._replace(path=f"/{name}").geturl()

    def query(self, sql, params=None, *, database: str | None = None) -> list[tuple]:
        """The rows `sql` returns (none for a statement), in `database` or the maintenance
        database."""
        import psycopg

        url = self.database_url(database) if database else self.maintenance_url
        with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def value(self, sql, params=None, *, database: str | None = None):
        """The first column of the first row `sql` returns, or None."""
        rows = self.query(sql, params, database=database)
        return rows[0][0] if rows else None

    def exists(self, name: str) -> bool:
        return bool(self.query("SELECT 1 FROM pg_database WHERE datname = %s", [name]))

    def create(self, name: str) -> None:
        """Create the database `name`, dropping any database of that name first."""
        from psycopg import sql

        if name in {"postgres", "template0", "template1", urlsplit(self.url).path.strip("/")}:
            fail(f"will not drop and recreate the database {name}: choose another name")
        self.drop(name)
        self.query(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def drop(self, name: str) -> None:
        from psycopg import sql

        self.query(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def require_redis(url: str) -> None:
    """Stop unless Redis answers at `url`."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5)
    except ValueError as error:
        fail(f"not a Redis URL: {url} ({error})")
    try:
        client.ping()
    except redis.RedisError as error:
        fail(f"cannot reach Redis at {shown_url(url)}: {first_line(error)}")
    finally:
        client.close()


def flush_redis(url: str) -> None:
    """Empty the Redis database `url` names (the scripts use databases of their own)."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
    finally:
        client.close()


def require_program(name: str, hint: str) -> str:
    """The path of program `name`; stop with `hint` (how to install it) when it is missing."""
    return shutil.which(name) or fail(f"{name} is not installed: {hint}")


def program_output(command: list[str]) -> str:
    """What a program prints (a version, say), or "" when it is missing or fails."""
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def wait_until_quiet(limit: int) -> None:
    """Wait up to `limit` seconds for a load average under 1.0 (0: do not wait)."""
    if limit <= 0:
        return
    deadline = time.monotonic() + limit
    while load_average() >= 1.0 and time.monotonic() < deadline:
        say(f"  waiting for a quiet machine (load average {load_average()})")
        time.sleep(15)


# Child processes: manage.py and gunicorn


def manage(env: dict, *command: str, stream: bool = False, stdin: str | None = None) -> str:
    """Run `manage.py <command>` in a child process with `env` and return what it printed;
    `stream` shows its output as it comes instead (for commands with their own progress).
    Stops the script, with the command's output, if the command fails."""
    try:
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            input=stdin,
            text=True,
            capture_output=not stream,
            timeout=6 * 3600,
        )
    except subprocess.TimeoutExpired:
        fail(f"manage.py {command[0]} did not finish in 6 hours")
    if done.returncode:
        output = "" if stream else f":\n{done.stdout}{done.stderr}".rstrip()[-3000:]
        fail(f"manage.py {' '.join(command)} failed (exit {done.returncode}){output}")
    return "" if stream else done.stdout


def production_env(*, database_url: str, redis_url: str = "", **extra: str) -> dict[str, str]:
    """The environment of the site under production settings on plain http at 127.0.0.1."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        # Plain http on 127.0.0.1: no redirect to https, no HSTS (settings.py, Security).
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        **extra,
    }
    env.pop("DATABASE_REPLICA_URL", None)
    if not redis_url:
        # A local-memory cache is per process: one process's changes could not reach the
        # pages another stored.
        env["PRESSREVIEW_PAGE_CACHE_SECONDS"] = "0"
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn() -> Path:
    """The gunicorn installed beside this Python; stop when there is none."""
    program = Path(sys.executable).with_name("gunicorn")
    if not program.exists():
        fail(f"gunicorn is not installed beside {sys.executable}: run `make install`")
    return program


@dataclass
class Answer:
    status: int
    body: bytes
    headers: http.client.HTTPMessage


def fetch(port: int, path: str, *, timeout: float = 30) -> Answer:
    """GET `path` from 127.0.0.1:`port` on a connection of its own."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        return Answer(response.status, response.read(), response.headers)
    finally:
        connection.close()


# gunicorn's settings under a load test (bench/run.py): one thread per worker, connections
# kept alive as wrk keeps them, no worker restarted during a measurement.
LOAD_TEST_OPTIONS = (
    "--worker-class=gthread",
    "--threads=1",
    "--keep-alive=30",
    "--log-level=warning",
    "--max-requests=0",
)


class Server:
    """The site under gunicorn on 127.0.0.1, its output in `log`. Use it as a context manager:
    it starts, waits until `ready_path` answers, and stops on the way out."""

    def __init__(
        self,
        env: dict,
        *,
        log: Path,
        workers: int,
        port: int | None = None,
        ready_path: str = "/",
        options: tuple[str, ...] = (),
    ):
        self.env, self.log_path, self.workers = env, Path(log), workers
        self.port = port or free_port()
        self.ready_path, self.options = ready_path, options
        self.process: subprocess.Popen | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str, *, timeout: float = 30) -> Answer:
        return fetch(self.port, path, timeout=timeout)

    def __enter__(self) -> "Server":
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [
                    str(gunicorn()),
                    "pressreview.wsgi",
                    f"--bind=127.0.0.1:{self.port}",
                    f"--workers={self.workers}",
                    *self.options,
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            self.wait()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def wait(self, timeout: float = 60) -> None:
        """Return once `ready_path` answers below 400; stop the script if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail(f"gunicorn on port {self.port} exited:\n{self.log_tail()}")
            try:
                if self.get(self.ready_path, timeout=5).status < 400:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        fail(f"gunicorn on port {self.port} did not answer in {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 15) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:]) or f"(nothing in {self.log_path})"

    def log_errors(self) -> int:
        """Tracebacks and error lines in the server's log."""
        text = self.log_path.read_text(errors="replace")
        return text.count("Traceback") + text.count("[ERROR]")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def wrk(
    url: str,
    *,
    threads: int,
    connections: int,
    seconds: int,
    script: Path,
    headers: tuple[str, ...] = (),
    script_arguments: tuple[str, ...] = (),
) -> dict:
    """Load `url` with wrk and its Lua `script`, which prints one `WRK_JSON {...}` line
    (bench/wrk_report.lua): requests, requests per second, p50/p95/p99 in ms, errors."""
    result = subprocess.run(
        [
            "wrk",
            f"--threads={threads}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            *(f"--header={header}" for header in headers),
            f"--script={script}",
            url,
            *(["--", *script_arguments] if script_arguments else []),
        ],
        capture_output=True,
        text=True,
    )
    line = next((line for line in result.stdout.splitlines() if line.startswith("WRK_JSON ")), "")
    if result.returncode or not line:
        fail(f"wrk failed on {url}:\n{result.stdout}{result.stderr}")
    raw = json.loads(line.removeprefix("WRK_JSON "))
    return {
        "requests_per_second": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "errors": sum(raw["errors"].values()),
        "errors_by_kind": raw["errors"],
        "requests": raw["requests"],
    }


# Timings and tables


@dataclass(frozen=True)
class Sample:
    """One timed call: wall and processor time, time inside SQL queries, and their number."""

    wall_ms: float
    cpu_ms: float
    sql_ms: float
    queries: int


class QueryTimer:
    """A database execute wrapper adding up the time spent in each query."""

    def __init__(self):
        self.seconds, self.count = 0.0, 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


@dataclass
class Timings:
    """The samples of `timed` calls, and what the last call returned."""

    samples: list[Sample]
    result: object

    def median(self, field: str) -> float:
        return statistics.median(getattr(sample, field) for sample in self.samples)

    def least(self, field: str) -> float:
        return min(getattr(sample, field) for sample in self.samples)

    def most(self, field: str) -> float:
        return max(getattr(sample, field) for sample in self.samples)

    def best(self) -> Sample:
        """The fastest call (best of N, as timeit reports: the least disturbed by other work)."""
        return min(self.samples, key=lambda sample: sample.wall_ms)


def timed(function: Callable, *, runs: int, warmup: int = 0, profiler=None) -> Timings:
    """Call `function` `warmup` times untimed, then `runs` times timed (Django must be set up).
    `profiler` (a cProfile.Profile) is enabled around the timed calls only."""
    from django.db import connection

    for _ in range(warmup):
        function()
    samples, result = [], None
    for _ in range(runs):
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            if profiler:
                profiler.enable()
            started, cpu_started = time.perf_counter(), time.process_time()
            result = function()
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            if profiler:
                profiler.disable()
        samples.append(Sample(wall * 1000, cpu * 1000, timer.seconds * 1000, timer.count))
    return Timings(samples, result)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank); 0 for none."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


class Table:
    """A Markdown table printed a row at a time, so that long measurements show progress.
    Columns are (heading, width); the first is aligned left, the others (figures) right."""

    def __init__(self, *columns: tuple[str, int]):
        self.widths = [max(width, len(heading)) for heading, width in columns]
        headings = [heading for heading, _width in columns]
        print(self.line(headings), flush=True)
        rules = ["-" * (self.widths[0] + 2)] + [
            "-" * (width + 1) + ":" for width in self.widths[1:]
        ]
        print(f"|{'|'.join(rules)}|", flush=True)

    def line(self, cells: list) -> str:
        first, *rest = (str(cell) for cell in cells)
        padded = [first.ljust(self.widths[0])]
        padded += [cell.rjust(width) for cell, width in zip(rest, self.widths[1:], strict=True)]
        return f"| {' | '.join(padded)} |"

    def row(self, *cells, note: str = "") -> None:
        print(self.line(list(cells)) + (f" {note}" if note else ""), flush=True)
