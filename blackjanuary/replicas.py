"""Several app servers behind nginx on loopback: the README's recipe for a school, run for real.

    python -m blackjanuary.replicas [--replicas 2] [--port 8080] [--by address|header]

starts that many Streamlit servers on free loopback ports and Debian's nginx
in front of them, as the current user, with its configuration, pid file,
temporary files and logs in a temporary folder; it serves until Ctrl-C.

nginx keeps each visitor on one server (Streamlit keeps a session's state in
the server that opened it, over one websocket), and proxies that websocket.
`--by address` sticks by the client's address (`ip_hash`), as a school's
proxy does. On one machine every client is 127.0.0.1, so `--by header` sticks
by an `X-Client` header instead, which the tests set per browser context to
play several pupils' machines.
"""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import subprocess
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from .devserver import ServerDidNotStart, free_port, healthy, running_app, stop

STICKY = {"address": "ip_hash;", "header": "hash $http_x_client;"}
TEMP_FOLDERS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
STREAM = "/_stcore/stream"  # Streamlit's websocket: one per session
STARTUP_SECONDS = 20


def nginx() -> str | None:
    """Debian's nginx, which lives in /usr/sbin: not on every user's PATH."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def nginx_config(servers: list[str], listen: int, prefix: Path, by: str = "address") -> str:
    """An nginx configuration proxying 127.0.0.1:`listen` to `servers`, sticky `by` address or header.

    Websockets need HTTP/1.1 and the Upgrade and Connection headers passed
    on; a session's websocket stays open for as long as the pupil keeps the
    page, so the read timeout is long. Each request is logged with the
    client, the server it went to and its status, to check the stickiness.
    """
    upstreams = "\n".join(f"    server {server};" for server in servers)
    # Run as root, nginx would hand its workers to `nobody`, who cannot write the temporary folder.
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    temp = "\n".join(f"  {name}_temp_path {prefix / name};" for name in TEMP_FOLDERS)
    return f"""{user}worker_processes 1;
daemon off;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
{temp}
  log_format replicas '$remote_addr|$http_x_client|$upstream_addr|$status|$request_uri';
  access_log {prefix / "access.log"} replicas;
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  upstream app {{
    {STICKY[by]}
{upstreams}
  }}
  server {{
    listen 127.0.0.1:{listen};
    location / {{
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      proxy_buffering off;
    }}
  }}
}}
"""


@dataclass(frozen=True)
class Request:
    """One line of the proxy's access log."""

    address: str
    client: str
    server: str
    status: int
    path: str


@dataclass(frozen=True)
class Replicas:
    url: str  # the proxy's address
    servers: tuple[str, ...]  # each app server's host:port, as nginx names it
    access_log: Path

    def requests(self) -> list[Request]:
        """What the proxy logged: a websocket is logged when it closes."""
        if not self.access_log.exists():
            return []
        out = []
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            address, client, server, status, path = line.split("|", 4)
            out.append(Request(address, client, server, int(status), path))
        return out

    def servers_by_client(self) -> dict[str, set[str]]:
        """Which servers each client's requests reached: one each, if the sessions stick."""
        found = defaultdict(set)
        for request in self.requests():
            found[request.client].add(request.server)
        return dict(found)

    def streams_by_client(self) -> dict[str, list[Request]]:
        """Each client's websockets: one per session kept for its whole visit, if none was dropped."""
        found = defaultdict(list)
        for request in self.requests():
            if request.path.startswith(STREAM):
                found[request.client].append(request)
        return dict(found)


def _started(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while not healthy(url):
        if process.poll() is not None or time.monotonic() > deadline:
            errors = log.read_text(encoding="utf-8", errors="replace") if log.exists() else "(no log)"
            raise ServerDidNotStart(f"nginx did not answer {url} (exit code {process.poll()}). Its error log:\n{errors}")
        time.sleep(0.2)


@contextmanager
def running_replicas(
    count: int = 2, by: str = "address", port: int | None = None, data_dir: Path | str | None = None
) -> Iterator[Replicas]:
    """`count` app servers and nginx in front of them on 127.0.0.1, stopped on exit (nginx first)."""
    binary = nginx()
    if binary is None:
        raise ServerDidNotStart("nginx is not installed (Debian: apt-get install nginx, or `make nginx`)")
    with ExitStack() as stack:
        urls = [stack.enter_context(running_app(data_dir=data_dir)) for _ in range(count)]
        prefix = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="replicas-")))
        for name in TEMP_FOLDERS:
            (prefix / name).mkdir()
        listen = port or free_port()
        servers = tuple(url.removeprefix("http://") for url in urls)
        config = prefix / "nginx.conf"
        config.write_text(nginx_config(list(servers), listen, prefix, by), encoding="utf-8")
        process = subprocess.Popen(
            [binary, "-p", str(prefix), "-c", str(config), "-e", str(prefix / "error.log")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        stack.callback(stop, process)
        url = f"http://127.0.0.1:{listen}"
        _started(process, url, prefix / "error.log")
        yield Replicas(url, servers, prefix / "access.log")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m blackjanuary.replicas", description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2, help="app servers behind the proxy (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="the proxy's port on 127.0.0.1 (default 8080)")
    parser.add_argument("--by", choices=list(STICKY), default="address",
                        help="stick each visitor to a server by address (ip_hash) or by an X-Client header")
    args = parser.parse_args(argv)
    with running_replicas(args.replicas, args.by, args.port) as replicas:
        print(f"serving {replicas.url} from {', '.join(replicas.servers)}; Ctrl-C stops", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
