"""The check panel in Chromium: Pyodide's boot, grading time per plan, and the bytes the
panel adds to the site.

Builds the site once, serves it on 127.0.0.1 and opens an exercise page in Debian's
Chromium (headless). For each of ``--rounds`` fresh pages it times the first check (boot
plus grading, as a learner waits for it), then grades every plan of the course folders
again on that page, reading the times the worker reports (``data-boot-ms`` and
``data-run-ms`` on the panel). Figures are reported, not asserted.
Run: ``.venv/bin/python bench/bench_browser.py [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EXERCISE = "coffee-shop-plan"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the output is for figures
        pass


def check(page, path: Path) -> tuple[float, float, float]:
    """Upload one file and wait for its verdict: (wall seconds, boot ms, grading ms)."""
    page.locator(".smm-cp-result").evaluate("area => { area.textContent = ''; }")
    page.set_input_files(".smm-cp-file", str(path))
    start = time.perf_counter()
    page.click(".smm-cp-run")
    page.wait_for_selector(".smm-cp-result .smm-cp-verdict", timeout=300_000)
    panel = page.locator(".smm-checkpanel")
    return (time.perf_counter() - start, float(panel.get_attribute("data-boot-ms")),
            float(panel.get_attribute("data-run-ms")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="fresh pages (Pyodide boots) to time")
    rounds = parser.parse_args().rounds
    from playwright.sync_api import sync_playwright

    plans = sorted(ROOT.glob("exercises/*/reference.csv")) + sorted(ROOT.glob("exercises/*plan*/samples/*.csv"))
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", folder],
                       cwd=ROOT, check=True, capture_output=True)
        vendored = sum(p.stat().st_size for p in (site / "assets" / "vendor" / "pyodide").iterdir())
        panel = sum((site / "assets" / "smm" / name).stat().st_size
                    for name in ("checker.zip", "check.js", "check.css", "check-worker.mjs"))
        firsts, boots, grades = [], [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            for _ in range(rounds):
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{server.server_port}/exercises/{EXERCISE}/")
                wall, boot, _ = check(page, plans[0])
                firsts.append(wall)
                boots.append(boot / 1000)
                grades += [check(page, plan)[2] for plan in plans]
                context.close()
            browser.close()
        server.shutdown()
    print(f"bytes added to the site          {(vendored + panel) / 1048576:8.1f} MB "
          f"(Pyodide {vendored / 1048576:.1f} MB, grader bundle and panel {panel / 1024:.0f} KB)")
    print(f"first check (click to verdict)   {statistics.median(firsts):8.1f} s median of {rounds}, "
          f"best {min(firsts):.1f} s")
    print(f"Pyodide boot in the worker       {statistics.median(boots):8.1f} s median of {rounds}")
    print(f"grading one plan after the boot  {statistics.median(grades):8.0f} ms median of {len(grades)} "
          f"({len(plans)} plans x {rounds}), slowest {max(grades):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
