"""Checks every lesson against the course's lesson contract (CONTRIBUTING.md).

Run it on a folder while writing: ``python tests/lesson_lint.py docs/profession``.
The test suite runs the same checks on every lesson in the navigation.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.site.glossary import slug  # noqa: E402
from checker.site.lessons import split_front_matter  # noqa: E402

REQUIRED = ("title", "description", "topics", "minutes", "objectives", "key_points", "quiz")
MIN_WORDS, MAX_WORDS = 700, 1800
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
# A worked example, a case or a diagram, in any of the forms the lessons use.
EXAMPLE = re.compile(r"```mermaid|<svg|^[!?]{3}\+?\s+example|^#+ .*(example|case)", re.I | re.M)


def topic_ids() -> set[str]:
    data = tomllib.loads((ROOT / "topics.toml").read_text(encoding="utf-8"))
    return {t["id"] for module in data["module"] for t in module["topics"]}


def glossary_anchors() -> set[str]:
    data = tomllib.loads((ROOT / "glossary.toml").read_text(encoding="utf-8"))
    return {slug(t["term"]) for t in data.get("term", [])}


def prose_words(body: str) -> int:
    """Words a reader reads: the body without code fences, HTML tags and link targets."""
    text = FENCE.sub(" ", body)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"[A-Za-z0-9\u00C0-\u024F\u0400-\u04FF][\w'’.,%-]*", text))


def lesson_problems(path: Path) -> list[str]:
    """Everything wrong with one lesson file; empty when it meets the contract."""
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    problems = [f"front matter lacks '{key}'" for key in REQUIRED if not meta.get(key)]
    unknown = set(meta.get("topics") or []) - topic_ids()
    if unknown:
        problems.append(f"unknown topic IDs {sorted(unknown)}")
    if not isinstance(meta.get("minutes", 0), int):
        problems.append("'minutes' must be a whole number")
    description = str(meta.get("description", ""))
    if description and not 50 <= len(description) <= 160:
        problems.append(f"description is {len(description)} characters; keep it to 50-160")
    words = prose_words(body)
    if not MIN_WORDS <= words <= MAX_WORDS:
        problems.append(f"{words} words of prose; a lesson has {MIN_WORDS}-{MAX_WORDS}")
    if re.search(r"^# ", FENCE.sub("", body), re.M):
        problems.append("the body has an H1; the title is the H1")
    # Python-Markdown needs no space after '#': a line of hashtags becomes a heading.
    for line in re.findall(r"^[ \t>]*#[^\s#].*$", FENCE.sub("", body), re.M):
        problems.append(f"'{line.strip()[:30]}' starts with a hashtag, which Markdown reads as a heading; write \\#")
    if re.search(r'^!!!\s+\w+\s+"(key points|summary|what you will learn)', body, re.I | re.M):
        problems.append("the body writes its own objectives or key-points box; the site generates them")
    if not EXAMPLE.search(body):
        problems.append("no worked example, case or diagram (mermaid fence, SVG, '!!! example' or an example heading)")
    anchors = glossary_anchors()
    linked = re.findall(r"glossary\.md#([\w-]+)", body)
    if not linked:
        problems.append("no link to the glossary")
    problems += [f"glossary link to missing term '#{a}'" for a in linked if a not in anchors]
    if meta.get("quiz") and not (ROOT / "quizzes" / f"{meta['quiz']}.toml").is_file():
        problems.append(f"quiz bank quizzes/{meta['quiz']}.toml does not exist")
    return problems


def main(folders: list[str]) -> int:
    failed = 0
    for folder in folders:
        for path in sorted(Path(folder).glob("*.md")):
            meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
            if "topics" not in meta:
                continue
            problems = lesson_problems(path)
            failed += bool(problems)
            status = "ok" if not problems else "; ".join(problems)
            print(f"{path}: {status}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["docs"]))
