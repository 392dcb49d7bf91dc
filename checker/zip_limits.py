"""How far a zip archive would unpack, judged from its central directory alone.

A workbook is a zip archive, and so is a class's download from Moodle or Canvas; a few
hundred kilobytes of either can inflate to gigabytes (a "zip bomb"). Both readers ask
``inflation_problem`` before decompressing anything. The declared sizes it checks bound
what is ever inflated: Python's ``zipfile`` decompresses a member in chunks and stops at
its declared size, and a member holding more than it declares fails its CRC check, so a
header that lies makes the archive unreadable, never large.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

# A member of over a megabyte compressed past its limit is built to inflate; small
# members may compress further (a blank sheet, a text of spaces) and cost nothing.
RATIO_FROM_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What an archive may unpack to, and the words its refusal uses."""

    max_bytes: int  # all members together, once inflated
    max_ratio: int  # how many times over a large member may inflate
    whole: str  # what the archive holds, for "... needs at most N MB": "a course table"
    member: str  # what a member is, for "... unpacks at most N times over": "a sheet"


def inflation_problem(archive: zipfile.ZipFile, limits: Limits) -> str | None:
    """Why ``archive`` would unpack past ``limits`` (a clause for a sentence), or None."""
    members = archive.infolist()
    declared = sum(member.file_size for member in members)
    if declared > limits.max_bytes:
        largest = max(members, key=lambda member: member.file_size)
        return (f"it would unpack to {megabytes(declared)} ({largest.filename} alone to "
                f"{megabytes(largest.file_size)}), and {limits.whole} needs at most "
                f"{megabytes(limits.max_bytes)}")
    for member in members:
        if member.file_size > RATIO_FROM_BYTES and member.file_size > limits.max_ratio * max(member.compress_size, 1):
            return (f"its part {member.filename} would unpack from {megabytes(member.compress_size)} to "
                    f"{megabytes(member.file_size)}, {member.file_size // max(member.compress_size, 1):,} times "
                    f"over, where {limits.member} unpacks at most {limits.max_ratio} times over")
    return None


def megabytes(size: int) -> str:
    """A size as a person reads it: '286 MB', '1.5 MB', '21 KB'."""
    if size < 1048576:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1048576:,.0f} MB" if size >= 10 * 1048576 else f"{size / 1048576:.1f} MB"
