"""Lighthouse (mobile, its default throttling) on every kind of page of the built course.

Builds the site once, serves it on 127.0.0.1 gzip-compressed as static hosts do, runs
Lighthouse 12 (npm, driving Debian's Chromium) on each page kind, three rounds by
default (``--rounds``), and prints one table of medians: the four category scores, total
blocking time, and the course's own scripts (every script but Material's, under
assets/javascripts/): their main-thread time and their compressed bytes. The targets are relative, as this shared machine is slow and noisy:
every page within 5 points of the plainest lesson, the course's scripts under 50 ms and
30 KB on any page. Run: ``.venv/bin/python bench/bench_lighthouse.py``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from site_harness import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the tests' Chromium and flags)

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "lesson (plainest)": "platforms/vkontakte/",
    "home": "",
    "lesson with a diagram": "tactics/content-marketing/",
    "notebook lesson": "kpis/computing-kpis/",
    "quiz": "kpis/quiz/",
    "exercise with check panel": "exercises/kpi-report/",
    "glossary": "glossary/",
    "progress": "progress/",
    "instructor page": "instructors/grading/",
}
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".map"}
MATERIAL_SCRIPTS = "/assets/javascripts/"


class CompressingHandler(SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, as static hosts do."""

    def log_message(self, format, *args):  # the table is the output
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if (path.suffix not in COMPRESSIBLE or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object ``send_head`` returns: the compressed bytes."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


# Lighthouse's defaults, except that its script time audit lists every script, not only
# those over 50 ms, so the course's scripts are measured however small they are.
CONFIG = {"extends": "lighthouse:default",
          "settings": {"onlyCategories": ["performance", "accessibility", "best-practices", "seo"]},
          "audits": [{"path": "bootup-time", "options": {"thresholdInMs": 0}}]}


def lighthouse(url: str, folder: Path) -> dict:
    """Lighthouse's JSON report for ``url`` (mobile, default throttling)."""
    config, report = folder / "lighthouse-config.json", folder / "report.json"
    config.write_text(json.dumps(CONFIG), encoding="utf-8")
    subprocess.run(["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--config-path={config}", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(report.read_text(encoding="utf-8"))


def ours(url: str) -> bool:
    """Whether a script is the course's own (everything but Material's bundle)."""
    return url.startswith("http://127.0.0.1") and MATERIAL_SCRIPTS not in url and url.endswith((".js", ".mjs"))


def script_times(result: dict) -> dict[str, float]:
    """Main-thread ms of each of the course's scripts on the page, by file name."""
    bootup = result["audits"]["bootup-time"].get("details", {}).get("items", [])
    return {item["url"].rsplit("/", 1)[-1]: item["total"] for item in bootup if ours(item["url"])}


def figures(result: dict) -> list[float]:
    """The table's figures from one report: four scores, blocking ms, script ms and bytes."""
    scores = [result["categories"][c]["score"] * 100 for c in ("performance", "accessibility", "best-practices", "seo")]
    requests = result["audits"]["network-requests"]["details"]["items"]
    return [*scores, result["audits"]["total-blocking-time"]["numericValue"], sum(script_times(result).values()),
            sum(item.get("transferSize", 0) for item in requests if ours(item["url"]))]


def breakdown(kind: str, reports: list[dict]) -> str:
    """The page's median main-thread ms per course script, largest first."""
    times = [script_times(report) for report in reports]
    names = {name for run in times for name in run}
    medians = {name: statistics.median(run.get(name, 0.0) for run in times) for name in names}
    return f"{kind}: " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in
                                   sorted(medians.items(), key=lambda item: -item[1]))


def row(kind: str, path: str, runs: list[list[float]]) -> str:
    """The page's table row: the median of each figure over the rounds."""
    *scores, blocking, ms, size = (statistics.median(values) for values in zip(*runs))
    return (f"| {kind} (`{path or '/'}`) | " + " | ".join(f"{s:.0f}" for s in scores)
            + f" | {blocking:,.0f} ms | {ms:,.0f} ms | {size / 1024:.1f} KB |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3,
                        help="Lighthouse runs per page, taken in turns over the pages; the table gives medians")
    parser.add_argument("--scripts", action="store_true",
                        help="after the table, each page's median main-thread time per course script")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES), metavar="PAGE",
                        help="page kinds to measure, by their names in the table (default: all)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `npm ci` (make does it).")
    with tempfile.TemporaryDirectory() as folder:
        # SMM_SITE_DIR measures an existing build, as it serves one to the tests.
        site = Path(os.environ.get("SMM_SITE_DIR") or Path(folder) / "site")
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CompressingHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/"
        if not os.environ.get("SMM_SITE_DIR"):
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=ROOT,
                           check=True, capture_output=True, env={**os.environ, "SMM_SITE_URL": base})
        try:
            print("| page | performance | accessibility | best practices | SEO | total blocking time "
                  "| course scripts, main thread | course scripts, compressed |")
            print("| --- | --- | --- | --- | --- | --- | --- | --- |")
            # Rounds in turn over every page, so that a busy spell on this shared machine
            # weighs on every page alike rather than on the few measured during it.
            reports = {kind: [] for kind in args.pages}
            for _ in range(args.rounds):
                for kind in args.pages:
                    reports[kind].append(lighthouse(base + PAGES[kind], Path(folder)))
            for kind in args.pages:
                print(row(kind, PAGES[kind], [figures(report) for report in reports[kind]]))
            if args.scripts:
                print()
                for kind in args.pages:
                    print(breakdown(kind, reports[kind]))
        finally:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
