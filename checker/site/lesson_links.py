"""Lesson links in quiz banks: the anchors a lesson page offers, read from its Markdown as
MkDocs will make them, so a bank's "Review the lesson" link is refused at build time when
it leads nowhere. Site knowledge, kept out of the grading core: the site and the tests hand
``LessonLinks(docs_dir).check`` to ``checker.quiz.bank.load_bank``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from checker.problems import suggestion

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
ATTR_ID = re.compile(r"\{:?[^}]*?#([A-Za-z][\w:.-]*)[^}]*\}")
HTML_ID = re.compile(r"<[a-zA-Z][^>]*\sid=[\"']([^\"']+)[\"']")
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")


def slugify(text: str) -> str:
    """A heading's anchor as MkDocs' toc extension makes it by default (markdown's
    ``toc.slugify`` applied to the rendered heading text)."""
    text = re.sub(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])", r"\1", text)  # links keep their text
    text = re.sub(r"<[^>]+>", "", text).replace("`", "")
    text = re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)", "", text)  # emphasis marks, not snake_case
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def heading_anchors(markdown: str) -> set[str]:
    """Every anchor a Markdown page offers: its headings' ids (numbered ``_1``, ``_2`` when
    repeated, as toc does), explicit ``{#id}`` attributes and HTML ``id`` attributes.
    Code blocks and front matter are skipped."""
    lines = markdown.splitlines()
    anchors: set[str] = set()
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)
        title = next((line.split(":", 1)[1] for line in lines[1:end] if line.startswith("title:")), "")
        if title.strip():
            anchors.add(slugify(title.strip().strip("'\"")))
        start = end + 1
    fence = ""
    previous = ""
    for line in lines[start:]:
        marker = FENCE.match(line)
        if fence:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = ""
            continue
        if marker:
            fence = marker.group(1)
            continue
        heading = ATX.match(line)
        text = heading.group(2) if heading else None
        if text is None and SETEXT.match(line) and previous.strip() and not ATX.match(previous):
            text = previous.strip()
        if text is not None:
            explicit = ATTR_ID.search(text)
            text = ATTR_ID.sub("", text).strip()
            if explicit:
                anchors.add(explicit.group(1))
            else:
                slug, number = slugify(text), 0
                candidate = slug
                while candidate in anchors:
                    number += 1
                    candidate = f"{slug}_{number}"
                anchors.add(candidate)
        else:
            anchors.update(ATTR_ID.findall(line))
        anchors.update(HTML_ID.findall(line))
        previous = line
    return anchors


class LessonLinks:
    """Reads each lesson once and answers whether ``path#anchor`` exists under ``docs/``."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = docs_dir
        self.cache: dict[Path, set[str]] = {}

    def check(self, link: str) -> list[str]:
        """Problems with a lesson link (empty when it leads to an existing section)."""
        path, _, anchor = link.partition("#")
        if not path.endswith(".md") or path.startswith(("/", "http:", "https:")) or ".." in Path(path).parts:
            return [f"lesson '{link}' must be a path under docs/ to a .md file, with #anchor."]
        target = self.docs_dir / path
        if not target.is_file():
            return [f"lesson '{link}' is a dead link: there is no docs/{path}."]
        if not anchor:
            return [f"lesson '{link}' needs a #anchor naming the section that teaches this."]
        if target not in self.cache:
            self.cache[target] = heading_anchors(target.read_text(encoding="utf-8"))
        if anchor not in self.cache[target]:
            hint = suggestion(anchor, sorted(self.cache[target]))
            return [f"lesson '{link}' is a dead link: docs/{path} has no heading with the anchor "
                    f"'{anchor}'.{hint}"]
        return []
