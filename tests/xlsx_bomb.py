"""A workbook built to inflate: a real workbook whose first sheet's XML is padded with
spaces, about 300 KB that inflate to 300 MB (286 MiB). Shared by the XLSX guard's test and its
benchmark (``bench/bench_xlsx.py``)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from openpyxl import Workbook

MEGABYTE = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"


def inflating_workbook(megabytes: int = 286, declared: int | None = None) -> bytes:
    """A workbook whose first sheet inflates to ``megabytes`` MiB. ``declared`` is the
    sheet's size as its headers state it (the true size when None): a smaller one makes
    the headers lie. Built without compressing the padding: after a full flush, deflate
    gives a megabyte of spaces the same bytes every time, so they are repeated."""
    book = Workbook()
    book.active.append(["date", "platform", "format", "category", "goal", "kpi", "copy"])
    saved = io.BytesIO()
    book.save(saved)
    with zipfile.ZipFile(saved) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    head, tail = parts[SHEET].split(b"</sheetData>")
    tail = b"</sheetData>" + tail
    chunk = b" " * MEGABYTE
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    opening = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    # A full flush forgets everything before it: what follows compresses alike after
    # one megabyte of spaces or after three hundred.
    padding = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    closing = compressor.compress(tail) + compressor.flush()
    stream = opening + padding * megabytes + closing
    crc = zlib.crc32(head)
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + megabytes * MEGABYTE + len(tail)
    return with_raw_part(parts, SHEET, stream, crc, size if declared is None else declared)


def with_raw_part(parts: dict[str, bytes], name: str, deflated: bytes, crc: int, size: int) -> bytes:
    """A zip of ``parts`` in which part ``name`` holds the given deflate stream, CRC and
    declared size: it is stored as it is, then its headers are rewritten as deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            if part == name:
                info = zipfile.ZipInfo(part, date_time=(2026, 12, 1, 0, 0, 0))
                archive.writestr(info, deflated, compress_type=zipfile.ZIP_STORED)
                offset = info.header_offset
            else:
                archive.writestr(part, data)
    data = bytearray(out.getvalue())
    central = data.find(b"PK\x01\x02" + bytes(data[offset + 4:offset + 6]))
    while struct.unpack_from("<I", data, central + 42)[0] != offset:
        central = data.find(b"PK\x01\x02", central + 4)
    for header, method_at in ((offset, 8), (central, 10)):  # local header, central directory entry
        struct.pack_into("<H", data, header + method_at, zipfile.ZIP_DEFLATED)
        struct.pack_into("<III", data, header + method_at + 6, crc, len(deflated), size)
    return bytes(data)
