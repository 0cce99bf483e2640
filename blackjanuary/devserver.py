"""Run the Streamlit app as a subprocess on a free loopback port, for browser tests and benchmarks."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 60
STOP_SECONDS = 10


class ServerDidNotStart(RuntimeError):
    pass


class ServerStoppedEarly(RuntimeError):
    """The server exited while still in use: whatever failed meanwhile failed for that reason."""


def free_port() -> int:
    """A port nothing listens on right now; the OS picks it, so parallel runs don't collide."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (OSError, http.client.HTTPException):  # URLError, refused, reset, timed out, half an answer
        return False


def _output(log) -> str:
    log.seek(0)
    return log.read().decode("utf-8", "replace").strip() or "(no output)"


def stop(process: subprocess.Popen) -> None:
    """SIGTERM the whole process group, then SIGKILL it if it lingers."""
    for sig, wait in ((signal.SIGTERM, STOP_SECONDS), (signal.SIGKILL, STOP_SECONDS)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def running_app(
    data_dir: Path | str | None = None,
    port: int | None = None,
    extra_env: Mapping[str, str] | None = None,
    timeout: float = STARTUP_SECONDS,
    script: str = "app.py",
) -> Iterator[str]:
    """Start `streamlit run app.py` on 127.0.0.1, yield its base URL once healthy, stop it on exit.

    data_dir sets BLACKJANUARY_DATA for the server; script (relative to the project
    root) runs another app instead, such as the benchmark's baseline. The server's output goes to a
    temporary log, quoted in the error if it never answers its health check or if it
    is found to have exited by the time the caller is done with it.
    """
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, **(extra_env or {})}
    if data_dir is not None:
        env["BLACKJANUARY_DATA"] = str(Path(data_dir).resolve())
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
    ]
    with tempfile.TemporaryFile(mode="w+b") as log:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdin=subprocess.DEVNULL,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            deadline = time.monotonic() + timeout
            while not healthy(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    why = (
                        f"exited with code {process.returncode}" if process.poll() is not None
                        else f"did not answer {url}/_stcore/health within {timeout:g} s"
                    )
                    raise ServerDidNotStart(f"`{' '.join(command)}` {why}. Its output:\n{_output(log)}")
                time.sleep(0.2)
            yield url
            if process.poll() is not None:  # a negative code is the signal that stopped it
                raise ServerStoppedEarly(
                    f"`{' '.join(command)}` exited with code {process.returncode} while in use. "
                    f"Its output:\n{_output(log)}"
                )
        finally:
            stop(process)
