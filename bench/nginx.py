"""The handbook's web server for measurements and tests: deploy/nginx.conf run by nginx itself on 127.0.0.1.

The config is rendered with the same envsubst names as deploy/Dockerfile, the site's
_redirects become nginx rules through deploy/redirects-to-nginx, and `nginx -t` checks
the result before the server starts.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
CONFIG = DEPLOY / "nginx.conf"
SCRIPT = DEPLOY / "redirects-to-nginx"
# The names deploy/Dockerfile hands envsubst: only these placeholders are filled in.
ENVSUBST = re.search(r"envsubst '([^']+)'", (DEPLOY / "Dockerfile").read_text(encoding="utf-8")).group(1)


class NginxMissing(RuntimeError):
    """nginx, or the temporary folders it needs, is not there; the message says how to get it."""


@dataclass(frozen=True)
class Server:
    url: str
    site: Path
    log: Path


def nginx_path() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
    if found is None:
        raise NginxMissing("nginx is not installed (apt-get install nginx); .ci/run installs it")
    if os.geteuid() != 0:
        # nginx makes its compiled-in temporary folders at start, which only root may do; `sudo nginx -t` makes them once.
        built = subprocess.run([found, "-V"], capture_output=True, text=True, check=False).stderr
        missing = [path for path in re.findall(r"--http-[a-z]+-temp-path=(\S+)", built) if not Path(path).is_dir()]
        if missing:
            raise NginxMissing(f"nginx's temporary folders ({', '.join(missing)}) are missing: "
                               "run `sudo nginx -t` once (.ci/run does), or run as root")
    return found


def render(template: str, values: dict[str, str]) -> str:
    """envsubst with a list of names: `${NAME}` and `$NAME` of those names only; nginx's own $variables stay."""
    names = re.findall(r"\$\{?(\w+)\}?", ENVSUBST)
    if set(values) != set(names):
        raise ValueError(f"the Dockerfile fills in {sorted(names)}, not {sorted(values)}")
    if shutil.which("envsubst"):
        return subprocess.run(["envsubst", ENVSUBST], input=template, env={**os.environ, **values}, capture_output=True, text=True, check=True).stdout
    return re.sub(r"\$(?:\{(\w+)\}|(\w+))", lambda m: values.get(m.group(1) or m.group(2), m.group(0)), template)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(site: Path, work: Path, *, access_log: bool = True) -> Iterator[Server]:
    """Serve `site` as deploy/nginx.conf does, with its config and logs under `work`, until the block ends."""
    nginx = nginx_path()
    redirects = work / "redirects.conf"
    source = site / "_redirects"
    made = subprocess.run(["sh", str(SCRIPT), str(source)], capture_output=True, text=True, check=True) if source.exists() else None
    redirects.write_text(made.stdout if made else "", encoding="utf-8")
    port = free_port()
    config = work / "nginx.conf"
    text = render(CONFIG.read_text(encoding="utf-8"), {
        "HANDBOOK_ROOT": str(site.resolve()), "HANDBOOK_LISTEN": f"127.0.0.1:{port}", "HANDBOOK_REDIRECTS": str(redirects),
    })
    config.write_text(text if access_log else text.replace("access_log /dev/stdout;", "access_log off;"), encoding="utf-8")
    prefix = work / "prefix"
    prefix.mkdir(exist_ok=True)
    log = prefix / "error.log"
    # Run as root, the workers would switch to the compiled-in user, who may not enter a private temporary folder.
    globals_ = f"daemon off; pid {prefix / 'nginx.pid'}; error_log {log};" + (" user root;" if os.geteuid() == 0 else "")
    command = [nginx, "-p", f"{prefix}/", "-e", str(log), "-c", str(config), "-g", globals_]
    checked = subprocess.run([*command[:-2], "-t", *command[-2:]], capture_output=True, text=True, check=False)
    if checked.returncode != 0:
        raise RuntimeError(f"nginx -t refused the config: {checked.stderr}")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 15
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {process.stderr.read() if process.stderr else ''} {log.read_text() if log.exists() else ''}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start listening within 15 s") from None
                time.sleep(0.05)
        yield Server(f"http://127.0.0.1:{port}", site, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
