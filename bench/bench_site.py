"""Size and build time of the course site.

Builds the site once into a temporary folder and reports: build time, pages, total size,
the weight a learner downloads for a first lesson page (HTML, CSS, JS; fonts are the
system's), what the service worker saves ahead on a first visit and for the whole
course, the largest files, and the time of a build with Zensical (``make
build-zensical``, on a copy of the course). Run: ``.venv/bin/python bench/bench_site.py``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from checker.site import offline  # noqa: E402  (after the course folder is on the path)
from site_harness import build_site_with_zensical  # noqa: E402


def first_visit_bytes(site: Path, page: str) -> tuple[int, int]:
    """Bytes of a page plus every local script and stylesheet it loads; and the JS alone."""
    html_path = site / page / "index.html"
    html = html_path.read_text(encoding="utf-8")
    total, scripts = html_path.stat().st_size, 0
    for kind, ref in re.findall(r'<(script|link)[^>]+(?:src|href)="([^"]+\.(?:js|css))"', html):
        path = (html_path.parent / ref).resolve()
        if path.is_file():
            total += path.stat().st_size
            scripts += path.stat().st_size if kind == "script" else 0
    return total, scripts


def offline_bytes(site: Path) -> tuple[tuple[int, int], tuple[int, int]]:
    """(bytes, files) the built service worker saves ahead on a first visit, beyond the page
    and what it loaded; and (bytes, files) of the whole course, saved from the progress page."""
    files = offline.served_files(site)
    ahead, whole = offline.ahead(site, files), offline.course(files)
    return ((sum((site / name).stat().st_size for name in ahead), len(ahead)),
            (sum((site / name).stat().st_size for name in whole), len(whole)))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
                       cwd=ROOT, check=True, capture_output=True)
        seconds = time.perf_counter() - start
        files = [p for p in site.rglob("*") if p.is_file()]
        pages = [p for p in files if p.name == "index.html"]
        total = sum(p.stat().st_size for p in files)
        lesson, lesson_js = first_visit_bytes(site, "kpis/engagement-metrics")
        print(f"build (mkdocs build, one run)   {seconds:8.1f} s")
        print(f"pages                           {len(pages):8d}")
        print(f"site on disk                    {total / 1048576:8.1f} MB in {len(files)} files")
        print(f"first lesson visit (HTML+CSS+JS){lesson / 1024:8.0f} KB uncompressed, of which JS {lesson_js / 1024:.0f} KB")
        (ahead, ahead_files), (whole, whole_files) = offline_bytes(site)
        print(f"saved ahead on a first visit    {ahead / 1024:8.0f} KB at most, in {ahead_files} files "
              f"(none under save-data; the page's own files are confirmed, not fetched again)")
        print(f"the whole course, saved offline {whole / 1048576:8.1f} MB in {whole_files} files "
              f"(from the progress page; Pyodide and the grader included)")
        print("largest files:")
        for path in sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:5]:
            print(f"  {path.stat().st_size / 1024:8.0f} KB  {path.relative_to(site)}")
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        result = build_site_with_zensical(Path(folder) / "course", "http://127.0.0.1:8000/")
        if result.returncode != 0:
            print(f"{result.args} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}", file=sys.stderr)
            return 1
        print(f"build (zensical build, then the build step; copying the course included) "
              f"{time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
