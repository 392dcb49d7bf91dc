"""The course's lessons as data: read from the navigation in ``mkdocs.yml`` and each
lesson's front matter, so the syllabus, schedule and key points follow the course order."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.S)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!!python/name`` tags only MkDocs itself can resolve."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Lesson:
    """A lesson page and the front matter the course reads from it."""

    path: str  # relative to docs/, with forward slashes
    module: str
    title: str
    topics: list[str]
    minutes: int
    objectives: list[str] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    description: str = ""
    quiz: str | None = None
    exercises: list[str] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[dict, str]:
    """A Markdown file's YAML front matter (empty if none) and its body."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    return yaml.safe_load(match.group(1)) or {}, text[match.end():]


def nav_paths(root: Path) -> list[str]:
    """Every page path in ``mkdocs.yml``'s nav, in reading order."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    paths: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            paths.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(config.get("nav", []))
    return [p for p in paths if not p.startswith(("http://", "https://"))]


def page_meta(docs_dir: Path, path: str) -> dict:
    """Front matter of a Markdown page, or the ``lesson`` metadata of a notebook."""
    file = docs_dir / path
    if not file.is_file():
        return {}
    if path.endswith(".ipynb"):
        return json.loads(file.read_text(encoding="utf-8")).get("metadata", {}).get("lesson", {})
    return split_front_matter(file.read_text(encoding="utf-8"))[0]


def course_lessons(root: Path, docs_dir: Path) -> list[Lesson]:
    """Every page in the nav whose metadata names topics, in nav order."""
    lessons = []
    for path in nav_paths(root):
        meta = page_meta(docs_dir, path)
        if "topics" not in meta:
            continue
        lessons.append(Lesson(
            path=path,
            module=path.split("/", 1)[0],
            title=str(meta.get("title", path)),
            topics=list(meta.get("topics") or []),
            minutes=int(meta.get("minutes", 0)),
            objectives=list(meta.get("objectives") or []),
            key_points=list(meta.get("key_points") or []),
            description=str(meta.get("description", "")),
            quiz=meta.get("quiz"),
            exercises=list(meta.get("exercises") or []),
        ))
    return lessons


def course_modules(root: Path) -> list[dict]:
    """The modules and their topics, from ``topics.toml``."""
    with (root / "topics.toml").open("rb") as handle:
        return tomllib.load(handle)["module"]
