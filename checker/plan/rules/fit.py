"""Rules about each platform's own constraints: the formats it has, how long a copy may
be, counted its way, and how many hashtags it accepts (``checker/data/platforms.toml``,
course topics P1-P7 and S5)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from checker.data import load
from checker.plan.rules.base import agree, per_row, rows_text, rule
from checker.plan.rules.calendar import platform_name
from checker.plan.vocabulary import label

HASHTAG = re.compile(r"#(\w+)")
X_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
# Parts of an emoji sequence that X counts together with the emoji before them: a
# zero-width joiner with the symbol it joins, variation selectors, skin-tone modifiers,
# and the second letter of a flag.
JOINED = re.compile("\u200d.|[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]|(?<=[\U0001f1e6-\U0001f1ff])[\U0001f1e6-\U0001f1ff]",
                    re.DOTALL)


def platforms() -> dict:
    """The platform table."""
    return load("platforms.toml")


@rule("plan.platform-fit", "Each post's format suits its platform")
def platform_fit(posts, rubric, texts):
    """A format must exist on its platform (Instagram, TikTok and YouTube have no text-only
    posts) and should suit it (a text-only post on VK gets lost in the feed)."""
    table = platforms()
    missing, weak = defaultdict(list), defaultdict(list)
    for post in posts:
        formats = table[post.platform]["formats"]
        if post.format not in formats["exist"]:
            missing[(post.platform, post.format)].append(post.row)
        elif post.format in formats.get("weak", {}):
            weak[(post.platform, post.format)].append(post.row)
    notes = []
    for (platform, fmt), rows in missing.items():
        exist = ", ".join(label(f) for f in table[platform]["formats"]["exist"])
        notes.append(f"{platform_name(platform)} has no {label(fmt)} posts ({rows_text(rows)}); use one of: {exist}")
    for (platform, fmt), rows in weak.items():
        notes.append(f"{label(fmt)} posts on {platform_name(platform)} work badly ({rows_text(rows)}): "
                     f"{table[platform]['formats']['weak'][fmt]}")
    failing = [r for rows in missing.values() for r in rows]
    warning = [r for rows in weak.values() for r in rows]
    if not notes:
        return per_row(len(posts), (), (), "Every format exists on its platform and suits it.")
    return per_row(len(posts), failing, warning, "; ".join(notes) + ". Each platform rewards the formats "
                   "its audience came for.")


def weighted_length(text: str, spec: dict) -> int:
    """The length of a post counted X's way: URLs weigh ``url_weight``, characters in the
    light ranges 1, others 2, and the joining parts of an emoji sequence nothing."""
    text = unicodedata.normalize("NFC", text)
    urls = X_URL.findall(text)
    text = JOINED.sub("", X_URL.sub("", text))
    ranges = spec["light_ranges"]
    weight = len(urls) * spec["url_weight"]
    for char in text:
        point = ord(char)
        weight += 1 if any(low <= point <= high for low, high in ranges) else 2
    return weight


def copy_length(post, spec: dict) -> tuple[int, int, str]:
    """The post's length, the limit that applies and the unit, per the platform's counting."""
    counting = spec["counting"]
    limit = spec["limit"]
    if post.format in spec.get("caption_formats", ()):
        limit = spec["caption_limit"]
    if counting == "x-weighted":
        return weighted_length(post.copy, spec), limit, "weighted characters"
    if counting == "utf16":
        return len(post.copy.encode("utf-16-le")) // 2, limit, "UTF-16 units"
    return len(post.copy), limit, "characters"


@rule("plan.length", "Each copy fits its platform's limit")
def length(posts, rubric, texts):
    """A copy longer than its platform allows is cut off or refused. Each platform counts
    its own way: X weighs URLs as 23 and CJK characters and emoji as 2, Telegram counts
    UTF-16 units and allows less under a photo or video than in a text message."""
    table = platforms()
    failing, examples = [], []
    for post in posts:
        spec = table[post.platform].get("length")
        if spec is None:
            continue
        size, limit, unit = copy_length(post, spec)
        if size > limit:
            failing.append(post.row)
            if len(examples) < 3:
                examples.append(f"row {post.row} has {size:,} {unit} where {platform_name(post.platform)} "
                                f"allows {limit:,} in {label(post.format)} posts")
    if not failing:
        return per_row(len(posts), (), (), "Every copy fits its platform's length limit.")
    return per_row(len(posts), failing, (), f"{rows_text(failing).capitalize()} {agree(failing, 'is', 'are')} "
                   f"too long: {'; '.join(examples)}. The platform cuts or refuses the excess; shorten "
                   "the copy or move the detail to a link.")


def hashtag_count(post) -> int:
    """Distinct hashtags in the hashtags column and the copy together."""
    cell = post.hashtags.lower().replace(",", " ").replace(";", " ")
    tags = {t.lstrip("#") for t in cell.split()}
    tags.discard("")
    if "#" in post.copy:  # most copies hold none: no search to run
        tags.update(t.lower() for t in HASHTAG.findall(post.copy))
    return len(tags)


@rule("plan.hashtags", "Hashtags stay within what the platform rewards")
def hashtags(posts, rubric, texts):
    """More hashtags than a platform allows are refused or make it ignore them all
    (Instagram takes 5, YouTube ignores every hashtag on a video with more than 15); past
    a platform's own advice they read as spam."""
    table = platforms()
    failing, warning, examples = [], [], []
    for post in posts:
        spec = table[post.platform].get("hashtags")
        if spec is None:
            continue
        count = hashtag_count(post)
        if count > spec["limit"]:
            (failing if spec["kind"] == "limit" else warning).append(post.row)
            if len(examples) < 3:
                verb = "allows" if spec["kind"] == "limit" else "advises at most"
                examples.append(f"row {post.row} has {count} on {platform_name(post.platform)}, which "
                                f"{verb} {spec['limit']}")
    if not examples:
        return per_row(len(posts), (), (), "Hashtags stay within every platform's limit and advice.")
    return per_row(len(posts), failing, warning, f"Too many hashtags: {'; '.join(examples)}. Keep the few "
                   "that describe the post precisely.")
