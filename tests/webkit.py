"""Shared set-up of the web tests: one store built from the bundled corpus and one server
for the whole test session, whichever web test modules run.

The store is built with the real CLI (``dyadline ingest examples/corpus/articles.jsonl``)
and the server started with the real CLI (``dyadline serve``) on a free port of
127.0.0.1, so the tests go through the same doors as a user.  Both are made once per
process (memoised here, since pytest would make a session fixture imported into two
modules twice) and cleaned up when the process exits.
"""

from __future__ import annotations

import atexit
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus" / "articles.jsonl"


def _cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyadline.cli", *args], capture_output=True,
                          text=True, **kwargs)  # type: ignore[call-overload]


@lru_cache(maxsize=None)
def corpus_store() -> Path:
    """A store of the bundled corpus, built once per test process."""
    folder = Path(tempfile.mkdtemp(prefix="dyadline-web-"))
    atexit.register(shutil.rmtree, folder, True)
    db = folder / "corpus.duckdb"
    done = _cli("ingest", str(CORPUS), "--db", str(db), "--quiet", timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"ingest of the corpus failed ({done.returncode}): {done.stderr}")
    return db


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@lru_cache(maxsize=None)
def server() -> str:
    """``dyadline serve`` over the corpus store on a free port; its base URL."""
    db = corpus_store()
    port = free_port()
    log = open(db.parent / "serve.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "dyadline.cli", "serve", "--db", str(db),
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)

    def stop() -> None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()

    atexit.register(stop)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"dyadline serve exited with {proc.returncode}: {log.read()}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("dyadline serve did not answer within 60 s")
