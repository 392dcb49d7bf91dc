"""A class's download, a folder or a zip archive, read without trusting its names.

A name in an archive is only ever a string to read the layout from: a member is unpacked
to a private folder under a number of our own (``000017.xlsx``), never under its name,
so ``../../x.csv`` or ``/etc/cron.d/x.csv`` cannot write or read anywhere. Before any
byte is unpacked the archive's declared sizes are checked (``checker.zip_limits``), and
each member is unpacked in chunks that stop at the size it declared. A symbolic link,
in a folder or stored in an archive, is listed and never followed: it could hand the
grader any file of the machine (``eve.csv`` -> ``/etc/passwd``).
"""

from __future__ import annotations

import itertools
import os
import re
import stat
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

from checker.problems import InputProblem, InvalidInput
from checker.tables import MAX_BYTES
from checker.zip_limits import Limits, inflation_problem, megabytes

A_LINK = "a symbolic link: only files kept in the folder itself are graded, so copy the file in"
NOT_UTF8 = "a name that is not valid text (UTF-8): rename it and grade again"
UNSAFE_NAME = "a name pointing outside the archive (absolute, or climbing out with '..'): never unpacked"
# A class of a few thousand plans of a few kilobytes each unpacks to a few dozen
# megabytes; a gigabyte leaves room for workbooks with pictures in them.
CLASS_ARCHIVE = Limits(1024 * 1024 * 1024, 150, whole="a class's submissions", member="a submission")
MAX_MEMBERS = 50_000
CHUNK = 64 * 1024


class ClassFolderError(ValueError):
    """The submissions or the exercise cannot be graded as a class; the message says why."""


@dataclass
class Download:
    """What a download holds, by name, and how to reach one file's bytes on disk."""

    names: list[str]  # files, and folders ending with '/'; '/'-separated, relative
    fetch: Callable[[str], Path]  # a file of ``names`` on disk; raises InvalidInput
    skipped: dict[str, str] = field(default_factory=dict)  # names never read, with why


@contextmanager
def open_download(source: Path, scratch: Path | None = None) -> Iterator[Download]:
    """The folder or zip archive ``source``; an archive is unpacked, member by member as
    asked, into a private folder made in ``scratch`` (the system's temporary folder when
    None) and removed on leaving."""
    if source.is_dir():
        yield folder_download(source)
    elif source.is_file() and zipfile.is_zipfile(source):
        with archive_download(source, scratch) as download:
            yield download
    elif source.exists():
        raise ClassFolderError(f"'{source}' is neither a folder nor a zip archive: give the folder of "
                               "submissions or the zip the LMS downloaded.")
    else:
        raise ClassFolderError(f"there is no folder or zip archive '{source}'.")


def folder_download(folder: Path) -> Download:
    """Every file and folder below ``folder``; links are listed as skipped, not followed."""
    names: list[str] = []
    skipped: dict[str, str] = {}

    def unreadable(error: OSError) -> None:
        raise ClassFolderError(f"cannot read the folder '{error.filename}': {error.strerror}.")

    for root, folders, files in os.walk(folder, onerror=unreadable):  # never follows links
        base = Path(root)
        prefix = "" if base == folder else base.relative_to(folder).as_posix() + "/"
        for name in folders + files:
            why = A_LINK if (base / name).is_symlink() else None if utf8(name) else NOT_UTF8
            if why:
                skipped[printable(prefix + name)] = why
            else:
                names.append(prefix + name + ("/" if name in folders else ""))
    return Download(names, lambda name: folder / name, skipped)


def utf8(name: str) -> bool:
    """Whether a name read from the disk is text: Linux hands back the bytes of a name
    that is not UTF-8 as surrogates, which no file the grader writes could hold."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(name: str) -> str:
    """A name with the bytes that are not UTF-8 shown as replacement characters."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@contextmanager
def archive_download(path: Path, scratch: Path | None) -> Iterator[Download]:
    """A zip archive checked whole before anything is unpacked."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ClassFolderError(f"cannot read the zip archive '{path}': {error}.") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ClassFolderError(f"'{path.name}' holds {len(members):,} files; a class's download holds at "
                                   f"most {MAX_MEMBERS:,}. Download the class in parts.")
        why = inflation_problem(archive, CLASS_ARCHIVE)
        if why:
            raise ClassFolderError(f"'{path.name}' cannot be unpacked safely: {why}. It may be damaged or made "
                                   "to fill the disk; download the submissions from the LMS again.")
        names: list[str] = []
        skipped: dict[str, str] = {}
        stored: dict[str, zipfile.ZipInfo] = {}
        for member in members:
            name = member_name(member)
            if unsafe(name):
                skipped[member.filename] = UNSAFE_NAME
            elif stat.S_ISLNK(member.external_attr >> 16):
                skipped[name] = A_LINK
            else:
                names.append(name)
                stored[name] = member
        with tempfile.TemporaryDirectory(prefix=".smm-unpacked-", dir=scratch) as unpacked:
            numbers = itertools.count()

            def fetch(name: str) -> Path:
                target = Path(unpacked) / f"{next(numbers):06d}{PurePosixPath(name).suffix.lower()}"
                unpack(archive, stored[name], target)
                return target

            yield Download(names, fetch, skipped)


def member_name(member: zipfile.ZipInfo) -> str:
    """A member's name as its maker wrote it, with '/' between folders. A zip that does
    not flag its names as UTF-8 is read by ``zipfile`` as code page 437, but Moodle and
    most tools write UTF-8 there anyway: 'Анна' would come out as '╨Р╨╜╨╜╨░'."""
    name = member.filename
    if not member.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass  # truly code page 437, or another code page that cannot be told apart
    return name.replace("\\", "/")


def unsafe(name: str) -> bool:
    """Whether an archive name is absolute, names a drive, or climbs out with '..'."""
    return (name.startswith("/") or re.match(r"[A-Za-z]:", name) is not None or "\x00" in name
            or ".." in name.split("/"))


def unpack(archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path) -> None:
    """Write one member to ``target`` in chunks, never past the size it declared nor past
    the largest file a learner may hand in. Raises ``InvalidInput`` saying why not."""
    if member.flag_bits & 0x1:
        raise problem("the file is encrypted in the archive; download the submissions again without a password.")
    if member.file_size > MAX_BYTES:
        raise problem(f"the file is {megabytes(member.file_size)}; the limit is {MAX_BYTES // 1048576} MB. "
                      "Split it or remove embedded images.")
    left = member.file_size
    try:
        with archive.open(member) as source, open(target, "xb") as out:
            while chunk := source.read(min(CHUNK, left + 1)):
                left -= len(chunk)
                if left < 0:
                    raise problem("the file holds more than the archive says it does; download the "
                                  "submissions again.")
                out.write(chunk)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError) as error:
        raise problem(f"the file is damaged in the archive ({error}); download the submissions again.") from None


def problem(message: str) -> InvalidInput:
    """A problem with a whole file of the archive."""
    return InvalidInput([InputProblem(None, None, message)])
