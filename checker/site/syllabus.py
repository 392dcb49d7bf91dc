"""Pages generated from the lessons' front matter: the syllabus, key points and schedule."""

from __future__ import annotations

from checker.site.lessons import course_lessons, course_modules
from checker.site.rendering import DirectiveContext


def _by_module(ctx: DirectiveContext):
    lessons = course_lessons(ctx.root, ctx.docs_dir)
    for module in course_modules(ctx.root):
        yield module, [lesson for lesson in lessons if lesson.module == module["id"]]


def render_syllabus(argument: str, ctx: DirectiveContext) -> str:
    """Each module's topics, with the lessons that teach each one."""
    lessons = course_lessons(ctx.root, ctx.docs_dir)
    out = []
    for number, module in enumerate(course_modules(ctx.root), start=1):
        out += [f"## {number}. {module['title']}", "", f"[Module overview]({ctx.link(module['id'] + '/index.md')})", "",
                "| Topic | What it covers | Taught in |", "| --- | --- | --- |"]
        for topic in module["topics"]:
            taught = [f"[{l.title}]({ctx.link(l.path)})" for l in lessons if topic["id"] in l.topics]
            out.append(f"| {topic['id']} | {topic['title']} | {'<br>'.join(taught) or 'not yet taught'} |")
        out.append("")
    return "\n".join(out)


def render_key_points(argument: str, ctx: DirectiveContext) -> str:
    """Every lesson's key points, grouped by module."""
    out = []
    for module, lessons in _by_module(ctx):
        out += [f"## {module['title']}", ""]
        for lesson in lessons:
            out += [f"### [{lesson.title}]({ctx.link(lesson.path)})", ""]
            out += [f"- {point}" for point in lesson.key_points]
            out.append("")
    return "\n".join(out)


def render_schedule(argument: str, ctx: DirectiveContext) -> str:
    """Every lesson with its reading minutes, summed by module and for the course."""
    out = ["| Module | Lesson | Minutes |", "| --- | --- | ---: |"]
    total = 0
    for module, lessons in _by_module(ctx):
        subtotal = sum(lesson.minutes for lesson in lessons)
        total += subtotal
        for lesson in lessons:
            out.append(f"| {module['title']} | [{lesson.title}]({ctx.link(lesson.path)}) | {lesson.minutes} |")
        out.append(f"| **{module['title']}** | **{len(lessons)} lessons** | **{subtotal}** |")
    hours, minutes = divmod(total, 60)
    out += ["", f"**Total reading time: {total} minutes ({hours} h {minutes:02d} min)**, "
            "before quizzes and exercises."]
    return "\n".join(out)
