"""A throwaway PostgreSQL server in a temporary folder, for tests that must stop a database.

The suite's own PostgreSQL is shared (other runs use it at the same time), so it is never
stopped: tests that need a database to go away start one of these on a free port, stop and
start it as they please, and remove it afterwards. Run as root, the server runs as the
`postgres` user, since PostgreSQL refuses to run as root.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def postgres_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's programs, or None."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(path.split("/")[-2])
    )
    for candidate in reversed(candidates):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class TemporaryPostgres:
    """initdb into a temporary folder, then start/stop at will; `remove()` at the end."""

    def __init__(self, bin_dir: Path | None = None, port: int | None = None):
        self.bin_dir = bin_dir or postgres_bin_dir()
        if self.bin_dir is None:
            raise RuntimeError("PostgreSQL's server programs (initdb, pg_ctl) are not installed.")
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="pressreview-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.user = None
        if os.geteuid() == 0:
            self.user = "postgres"
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=timeout)

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def init(self) -> "TemporaryPostgres":
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        return self

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def is_running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def create_database(self, name: str) -> str:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return self.url(name)

    def remove(self) -> None:
        try:
            if self.is_running():
                self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def wait_for_port(port: int, *, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"Nothing answers on 127.0.0.1:{port} after {seconds} s.")
