"""Real processes for fault tests: a Redis server of our own, a broker that never answers, a
TCP proxy in front of PostgreSQL that can be cut, gunicorn and Celery workers."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"fault tests must run in CI: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(
    predicate: Callable[[], bool],
    *,
    timeout: float,
    what: str,
    every: float = 0.2,
    log: Callable[[], str] | None = None,
) -> None:
    """Poll until `predicate` holds; on timeout fail with `what` and the end of `log()`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(every)
    details = f"; log:\n{log()[-4000:]}" if log else ""
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}{details}")


class RedisServer:
    """A redis-server on a free port that the test stops and starts; it keeps nothing on disk,
    so a restart loses every queued message, as a crashed production broker may."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.answers, timeout=10, what="redis-server to answer")

    def answers(self) -> bool:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 1):
            return True
        return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def queue_length(self, queue: str) -> int:
        import redis

        return redis.Redis(port=self.port).llen(queue)


class SilentServer:
    """Accepts TCP connections and never answers: a hung broker."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                connection, _ = self.listener.accept()
                self.connections.append(connection)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for connection in self.connections:
            connection.close()


class TcpProxy:
    """Forwards a local port to a server; `cut()` drops every connection and refuses new ones
    (the database "goes away"), `restore()` lets connections through again."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = free_port()
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.lock = threading.Lock()
        self.listener: socket.socket | None = None
        self.restore()

    def restore(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self) -> None:
        if self.listener is not None:
            # Shutting the listener down wakes the thread blocked in accept(); close alone does not.
            with contextlib.suppress(OSError):
                self.listener.shutdown(socket.SHUT_RDWR)
            self.listener.close()
            self.listener = None
        with self.lock:
            for client, server in self.pairs:
                for side in (client, server):
                    with contextlib.suppress(OSError):
                        side.shutdown(socket.SHUT_RDWR)
                    side.close()
            self.pairs.clear()

    def _accept(self, listener: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while True:
                client, _ = listener.accept()
                try:
                    server = socket.create_connection(("127.0.0.1", self.target_port), 5)
                except OSError:
                    client.close()
                    continue
                with self.lock:
                    self.pairs.append((client, server))
                for source, sink in ((client, server), (server, client)):
                    threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        for side in (source, sink):
            with contextlib.suppress(OSError):
                side.shutdown(socket.SHUT_RDWR)


def database_url(settings_dict: dict, *, port: int | None = None) -> str:
    user = settings_dict["USER"] or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    return (
        f"postgres://{user}{password}@{host}:{port or settings_dict['PORT'] or 5432}"
        f"/{settings_dict['NAME']}"
    )


class Services:
    """Starts the project's own processes against the test database; stops them all at the end."""

    def __init__(self, workdir: Path, base_env: dict[str, str]) -> None:
        self.workdir = workdir
        self.base_env = base_env
        self.processes: list[tuple[subprocess.Popen, Path]] = []

    def env(self, **overrides: str) -> dict[str, str]:
        return {**os.environ, **self.base_env, **overrides}

    def _spawn(self, name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen:
        log = self.workdir / f"{name}-{len(self.processes)}.log"
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append((process, log))
        return process

    def log_of(self, process: subprocess.Popen) -> str:
        for candidate, log in self.processes:
            if candidate is process:
                return log.read_text(errors="replace")
        return ""

    def web(self, *, processes: int = 1, threads: int = 4, **env: str) -> str:
        """gunicorn serving the project; returns its base URL once it answers."""
        port = free_port()
        process = self._spawn(
            "web",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(REPO / "config" / "gunicorn.py"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(processes),
                "--threads",
                str(threads),
                "--timeout",
                "60",
            ],
            self.env(**env),
        )
        url = f"http://127.0.0.1:{port}"

        def answers() -> bool:
            if process.poll() is not None:
                pytest.fail(f"the web server exited:\n{self.log_of(process)}")
            try:
                requests.get(f"{url}/api/ratings/", timeout=2)
            except requests.RequestException:
                return False
            return True

        wait_for(answers, timeout=30, what="gunicorn to answer")
        return url

    def worker(self, *, pool: str = "solo", beat: bool = False, **env: str) -> subprocess.Popen:
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            f"--pool={pool}",
            "--concurrency=1",
            "--loglevel=INFO",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            self.base_env["CELERY_TASK_DEFAULT_QUEUE"],
        ]
        if beat:
            command += ["--beat", "--schedule", str(self.workdir / f"beat-{uuid.uuid4().hex}")]
        return self._spawn("worker", command, self.env(**env))

    def kill(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def stop_all(self) -> None:
        for process, _ in reversed(self.processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process, _ in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
