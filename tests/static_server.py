"""A static file server on 127.0.0.1 for the tests: the built site is served as any
static host would serve it."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the test output is for test results
        pass


def start_server(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """A server for ``folder`` on a free port, serving from a thread, and its base URL
    (ending in '/'). ``server.shutdown()`` and ``server.server_close()`` stop it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"
