"""New course material that builds and validates at once: an exercise, a quiz bank or a
lesson, each added to the site's navigation.

An exercise starts as a copy of the smallest exercise of its kind, renamed, with one
known-bad sample and its golden file: whatever a kind's folder must hold (brief, rubric in
``exercise.toml``, starter, reference, data), that exercise already holds it and
``smm-check validate`` already passes it, so a kind needs no skeleton of its own and a new
kind gets one as soon as it has an exercise. A quiz bank and a lesson are filled in from
the templates in ``checker/data/skeletons/``.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from string import Template

from checker.exercises import Exercise, list_exercises
from checker.site.lesson_links import ATTR_ID, ATX, FENCE, slugify
from checker.site.lessons import course_lessons, course_modules, nav_paths, split_front_matter

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TEMPLATES = files("checker").joinpath("data", "skeletons")
GOLDEN_SUFFIX = ".expected.json"
# The files of an exercise folder that may name the exercise by its id.
NAMING_FILES = ("exercise.toml", "brief.md")


class SkeletonError(ValueError):
    """What stops the material being written; the message says why."""


@dataclass(frozen=True)
class Written:
    """What was written, and what the author edits next."""

    files: list[str]  # relative to the course folder
    next_steps: list[str]


def check_id(material: str, new_id: str) -> None:
    """Refuse an id that is not lowercase letters, digits and single hyphens."""
    if not ID.fullmatch(new_id):
        raise SkeletonError(f"'{new_id}' is not a valid {material} id: use lowercase letters, digits and hyphens "
                            "(coffee-shop-plan).")


def quoted(text: str) -> str:
    """``text`` for the inside of a double-quoted TOML or YAML string."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def fill_template(name: str, **values: str) -> str:
    """A template of ``checker/data/skeletons/`` with its ``$placeholders`` filled."""
    return Template(TEMPLATES.joinpath(name).read_text(encoding="utf-8")).substitute(values)


def add_to_nav(root: Path, new_page: str, beside: str, before: bool) -> None:
    """Put ``new_page`` in the navigation of ``mkdocs.yml`` just before or after the page
    ``beside``, at its indentation; the rest of the file is left as it is."""
    path = root / "mkdocs.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    entry = re.compile(rf"^(\s*)- (?:[^:\n]+: )?{re.escape(beside)}\s*$")
    for i, line in enumerate(lines):
        found = entry.match(line)
        if found:
            lines.insert(i if before else i + 1, f"{found.group(1)}- {new_page}\n")
            path.write_text("".join(lines), encoding="utf-8")
            return
    raise SkeletonError(f"mkdocs.yml: the navigation does not list {beside}, so {new_page} has no place in it.")


def refuse_existing(root: Path, *paths: str) -> None:
    """Refuse to write over anything already there."""
    taken = [p for p in paths if (root / p).exists()]
    if taken:
        raise SkeletonError(f"{', '.join(taken)} already exists; choose another id.")


def folder_size(folder: Path) -> int:
    """The bytes of every file in ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def template_exercise(root: Path, kind: str) -> Exercise:
    """The smallest exercise of ``kind``: the one a new exercise starts from."""
    exercises = [e for e in list_exercises(root) if e.kind == kind]
    if not exercises:
        raise SkeletonError(f"the course has no {kind} exercise to start from; write the first one by hand "
                            "(CONTRIBUTING.md, 'Exercises').")
    return min(exercises, key=lambda e: (folder_size(e.folder), e.id))


def known_bad_sample(samples: Path) -> Path | None:
    """The smallest sample whose golden file expects a graded result with a failure."""
    candidates = []
    for golden in samples.glob(f"*{GOLDEN_SUFFIX}"):
        expected = json.loads(golden.read_text(encoding="utf-8"))
        sample = [p for p in samples.glob(golden.name[:-len(GOLDEN_SUFFIX)] + ".*") if p != golden]
        if sample and any(f.get("status") == "fail" for f in expected.get("findings", [])):
            candidates.append(sample[0])
    return min(candidates, key=lambda p: (p.stat().st_size, p.name), default=None)


def new_exercise(root: Path, new_id: str, kind: str) -> Written:
    """Write ``exercises/<new_id>/`` and ``docs/exercises/<new_id>.md`` from the smallest
    exercise of ``kind``, and list the page in the navigation after the last exercise."""
    check_id("exercise", new_id)
    folder, page = f"exercises/{new_id}", f"docs/exercises/{new_id}.md"
    refuse_existing(root, folder, page)
    template = template_exercise(root, kind)
    exercise_pages = [p for p in nav_paths(root) if p.startswith("exercises/") and p != "exercises/index.md"]
    if not exercise_pages:
        raise SkeletonError("mkdocs.yml: the navigation lists no exercise page to put the new one after.")
    target = root / folder
    shutil.copytree(template.folder, target, symlinks=True)
    keep = known_bad_sample(target / "samples")
    for path in (target / "samples").iterdir():
        if keep is None or not path.name.startswith(keep.stem + "."):
            path.unlink()
    title = f"{template.title} (a copy to rewrite)"
    rename = re.compile(rf"\b{re.escape(template.id)}\b")
    for name in NAMING_FILES:
        path = target / name
        text = rename.sub(new_id, path.read_text(encoding="utf-8"))
        if name == "exercise.toml":
            text = re.sub(r'(?m)^title\s*=.*$', lambda _: f'title = "{quoted(title)}"', text, count=1)
        path.write_text(text, encoding="utf-8")
    meta, _ = split_front_matter((root / "docs/exercises" / f"{template.id}.md").read_text(encoding="utf-8"))
    (root / page).write_text(
        f'---\ntitle: "{quoted(title)}"\ndescription: "{quoted(str(meta.get("description", title)))}"\n---\n\n'
        f'--8<-- "{folder}/brief.md"\n\n## Check your work\n\n/// check | {new_id}\n///\n\n'
        f"/// rubric | {new_id}\n///\n", encoding="utf-8")
    add_to_nav(root, f"exercises/{new_id}.md", exercise_pages[-1], before=False)
    sample = [f"{folder}/samples/{keep.name}"] if keep else []
    return Written(
        [f"{folder}/", page, "mkdocs.yml"],
        [f"{folder}/exercise.toml: the title, the pass mark and the rubric (a copy of {template.id}'s)",
         f"{folder}/brief.md: the business and the task",
         f"{folder}: the starter and the reference solution, then the known-bad sample"
         f"{' ' + sample[0] if sample else ''} and its golden file",
         f"{page}: the description",
         f"smm-check validate {new_id}, then the site: make serve"])


def module_of(root: Path, module_id: str) -> dict:
    """The module ``module_id`` of ``topics.toml``."""
    modules = course_modules(root)
    for module in modules:
        if module["id"] == module_id:
            return module
    raise SkeletonError(f"there is no module '{module_id}'; the modules are {', '.join(m['id'] for m in modules)}.")


def first_section(markdown: str) -> str | None:
    """The anchor of a lesson's first section (its first ``##`` heading outside code),
    as MkDocs makes it; None when it has none."""
    fence = ""
    for line in markdown.splitlines():
        marker = FENCE.match(line)
        if marker and (not fence or marker.group(1)[0] == fence[0]):
            fence = "" if fence else marker.group(1)
            continue
        heading = ATX.match(line)
        if not fence and heading and len(heading.group(1)) == 2:
            explicit = ATTR_ID.search(heading.group(2))
            return explicit.group(1) if explicit else slugify(ATTR_ID.sub("", heading.group(2)).strip())
    return None


def new_quiz(root: Path, new_id: str, module_id: str) -> Written:
    """Write ``quizzes/<new_id>.toml`` with two valid questions linked to the module's
    first lesson, and its page ``docs/<module>/<new_id>.md`` after the module's quiz."""
    check_id("quiz bank", new_id)
    module = module_of(root, module_id)
    bank, page = f"quizzes/{new_id}.toml", f"docs/{module_id}/{new_id}.md"
    refuse_existing(root, bank, page)
    lessons = [lesson for lesson in course_lessons(root, root / "docs") if lesson.module == module_id]
    if not lessons:
        raise SkeletonError(f"the module '{module_id}' has no lesson yet for the questions to link to.")
    lesson = lessons[0]
    anchor = first_section((root / "docs" / lesson.path).read_text(encoding="utf-8"))
    if anchor is None:
        raise SkeletonError(f"docs/{lesson.path} has no section (## heading) for the questions to link to.")
    title = f"{module['title']}: {new_id.replace('-', ' ')}"
    (root / bank).write_text(fill_template(
        "quiz.toml", id=new_id, title=quoted(title), module_title=quoted(module["title"]),
        lesson_title=quoted(lesson.title), lesson=f"{lesson.path}#{anchor}"), encoding="utf-8")
    (root / page).write_text(fill_template(
        "quiz-page.md", id=new_id, title=quoted(title),
        description=quoted(f"Check what you learnt in the {module['title']} module: {new_id.replace('-', ' ')}.")),
        encoding="utf-8")
    add_to_nav(root, f"{module_id}/{new_id}.md", f"{module_id}/quiz.md", before=False)
    return Written([bank, page, "mkdocs.yml"],
                   [f"{bank}: the title and your own questions (quizzes/README.md lists every type)",
                    f"{page}: the description and the introduction",
                    "the site: make serve"])


def new_lesson(root: Path, new_id: str, module_id: str, topic: str | None) -> Written:
    """Write ``docs/<module>/<new_id>.md`` with valid front matter (a topic of the module,
    the module's quiz) and list it before the module's quiz in the navigation."""
    check_id("lesson", new_id)
    module = module_of(root, module_id)
    topics = {t["id"]: t["title"] for t in module["topics"]}
    topic = topic or next(iter(topics))
    if topic not in topics:
        raise SkeletonError(f"the module '{module_id}' has no topic '{topic}'; its topics are {', '.join(topics)}.")
    page = f"docs/{module_id}/{new_id}.md"
    refuse_existing(root, page)
    title = new_id.replace("-", " ").capitalize()
    description = f"{topics[topic]}: what it is, why it matters and how to use it ({module['title']} module)."
    (root / page).write_text(fill_template(
        "lesson.md", title=quoted(title), description=quoted(description[:160]), topic=topic,
        topic_title=quoted(topics[topic]), quiz=module_id), encoding="utf-8")
    add_to_nav(root, f"{module_id}/{new_id}.md", f"{module_id}/quiz.md", before=True)
    return Written([page, "mkdocs.yml"],
                   [f"{page}: the title, description, objectives and key points, then the body "
                    "(CONTRIBUTING.md, 'Lessons': 700 to 1,800 words, a worked example, glossary links)",
                    f"quizzes/{module_id}.toml: a question on the lesson",
                    "the site: make serve"])
