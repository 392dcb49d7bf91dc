"""The check panel in Chromium: click-to-verdict for a learner who clicks "Check" at once,
for one who clicks five seconds after choosing the file and for one who clicks once the
panel says it is ready; Pyodide's boot, grading time per plan, and the bytes the panel
adds to the site.

Builds the site once, serves it on 127.0.0.1 and opens an exercise page in Debian's
Chromium (headless). Choosing a file starts the worker and Pyodide (assets/check.js). In
each of ``--rounds`` rounds, each learner gets a fresh page (empty cache): the hurried one
clicks as soon as the file is chosen (the boot is still under way), the unhurried one
``UNHURRIED_S`` seconds after choosing, the third once the panel says the checker is ready
(on a busy machine the boot outlasts five seconds). On the third page it then grades
every plan of the course folders again, reading the times the worker reports
(``data-boot-ms`` and ``data-run-ms`` on the panel). Figures are reported, not asserted.
Run: ``.venv/bin/python bench/bench_browser.py [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import functools
import os
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
# How long the unhurried learner waits between choosing the file and clicking "Check".
UNHURRIED_S = 5.0
# The learner who clicks once the panel says the checker is ready.
READY = None


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the output is for figures
        pass


def check(page, path: Path, wait_s: float | None = 0.0) -> tuple[float, float, float, bool]:
    """Choose one file, click "Check" ``wait_s`` seconds later (``READY``: once the panel
    says the checker is ready) and wait for its verdict: (click-to-verdict seconds, boot ms,
    grading ms, whether the checker was ready at the click)."""
    page.locator(".smm-cp-result").evaluate("area => { area.textContent = ''; }")
    page.set_input_files(".smm-cp-file", str(path))
    if wait_s is READY:
        page.wait_for_selector(".smm-checkpanel[data-checker=ready]", timeout=300_000)
    else:
        time.sleep(wait_s)
    panel = page.locator(".smm-checkpanel")
    ready = panel.get_attribute("data-checker") == "ready"
    start = time.perf_counter()
    page.click(".smm-cp-run")
    page.wait_for_selector(".smm-cp-result .smm-cp-verdict", timeout=300_000)
    return (time.perf_counter() - start, float(panel.get_attribute("data-boot-ms")),
            float(panel.get_attribute("data-run-ms")), ready)


def first_check(browser, url: str, path: Path, wait_s: float):
    """A fresh page (empty cache) at ``url`` and its first check: (page, click-to-verdict
    seconds, boot ms, whether the checker was ready at the click)."""
    page = browser.new_context().new_page()
    page.goto(url)
    wall, boot, _, ready = check(page, path, wait_s)
    return page, wall, boot, ready


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
        hurried, unhurried, when_ready, boots, grades, ready_in_time = [], [], [], [], [], 0
        url = f"http://127.0.0.1:{server.server_port}/exercises/{EXERCISE}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            for _ in range(rounds):
                page, wall, boot, _ = first_check(browser, url, plans[0], 0.0)
                hurried.append(wall)
                boots.append(boot / 1000)
                page.context.close()
                page, wall, _, ready = first_check(browser, url, plans[0], UNHURRIED_S)
                unhurried.append(wall)
                ready_in_time += ready
                page.context.close()
                page, wall, _, _ = first_check(browser, url, plans[0], READY)
                when_ready.append(wall)
                grades += [check(page, plan)[2] for plan in plans]
                page.context.close()
            browser.close()
        server.shutdown()
    print(f"bytes added to the site          {(vendored + panel) / 1048576:8.1f} MB "
          f"(Pyodide {vendored / 1048576:.1f} MB, grader bundle and panel {panel / 1024:.0f} KB)")
    print(f"first check, clicked at once     {statistics.median(hurried):8.1f} s click to verdict, median of "
          f"{rounds}, best {min(hurried):.1f} s")
    print(f"first check, clicked {UNHURRIED_S:.0f} s later   {statistics.median(unhurried):8.2f} s click to verdict, "
          f"median of {rounds}, best {min(unhurried):.2f} s (ready at the click in {ready_in_time} of {rounds})")
    print(f"first check, clicked when ready  {statistics.median(when_ready):8.2f} s click to verdict, "
          f"median of {rounds}, best {min(when_ready):.2f} s")
    print(f"Pyodide boot in the worker       {statistics.median(boots):8.1f} s median of {rounds} "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"grading one plan after the boot  {statistics.median(grades):8.0f} ms median of {len(grades)} "
          f"({len(plans)} plans x {rounds}), slowest {max(grades):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
