"""Reading articles from files: `.txt`, `.jsonl`, directories of those, or standard input.

Bad input never stops the run: each bad record is turned into an :class:`InputError` (file,
line, reason) that the caller reports on one line, and the reader goes on with the next
record.  Records are yielded one at a time so that a corpus of any size streams in bounded
memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from .model import ArticleInput

#: Texts longer than this are rejected: news articles are far shorter, and a 50 MB "article"
#: is almost always a mistake (a whole dump in one file) that would stall the run.
MAX_TEXT_CHARS = 2_000_000

_TEXT_SUFFIXES = {".txt", ".text"}  # not .md: a README beside a corpus is no article
_JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}


@dataclass(frozen=True)
class InputError:
    """A record that could not be read: where it is and why."""

    origin: str  # "path" or "path:line"
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def check_date(value: object) -> str:
    """Return ``value`` if it is a valid YYYY-MM-DD date, else raise ValueError with a reason."""
    if not isinstance(value, str):
        raise ValueError(f"date must be a string YYYY-MM-DD, got {type(value).__name__}")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD") from None
    if len(value) != 10 or parsed.isoformat() != value:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD")
    return value


def article_id_for(text: str, origin: str) -> str:
    """A stable id for an article that carries none: the file stem, or a hash of the text."""
    stem = Path(origin.split(":", 1)[0]).stem if origin and origin != "-" else ""
    return stem or "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def read_inputs(paths: Iterable[str], default_date: str | None = None,
                stdin: IO[str] | None = None) -> Iterator[ArticleInput | InputError]:
    """Yield every article in ``paths`` (files, directories, ``-``), or an error per bad record."""
    for raw in paths:
        if raw == "-":
            yield from _read_stream(stdin or sys.stdin, "-", default_date)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in _TEXT_SUFFIXES | _JSONL_SUFFIXES)
            if not files:
                yield InputError(str(path), "directory holds no .txt or .jsonl files")
            for file in files:
                yield from _read_file(file, default_date)
        elif path.exists():
            yield from _read_file(path, default_date)
        else:
            yield InputError(str(path), "no such file or directory")


def _read_file(path: Path, default_date: str | None) -> Iterator[ArticleInput | InputError]:
    if path.suffix.lower() in _JSONL_SUFFIXES:
        try:
            handle = open(path, "rb")
        except OSError as exc:
            yield InputError(str(path), f"cannot open: {exc.strerror}")
            return
        with handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _parse_json_line(line, f"{path}:{number}", default_date)
        return
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_CHARS * 4:
            yield InputError(str(path), f"file is {size / 1e6:.0f} MB; an article is at most "
                                        f"{MAX_TEXT_CHARS // 1_000_000} M characters")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror}")
        return
    yield _text_article(data, str(path), default_date)


def _read_stream(stream: IO[str], name: str, default_date: str | None) -> Iterator[ArticleInput | InputError]:
    """Standard input: JSON lines if the first non-blank character is '{', else one text article."""
    buffer = getattr(stream, "buffer", None)
    data = buffer.read() if buffer is not None else stream.read().encode("utf-8", "surrogateescape")
    if data.lstrip()[:1] == b"{":
        for number, line in enumerate(data.splitlines(), start=1):
            if line.strip():
                yield _parse_json_line(line, f"{name}:{number}", default_date)
    else:
        yield _text_article(data, name, default_date)


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"invalid UTF-8 at byte {exc.start}") from None
    return text


def _text_article(data: bytes, origin: str, default_date: str | None) -> ArticleInput | InputError:
    try:
        text = _decode(data)
    except ValueError as exc:
        return InputError(origin, str(exc))
    if not text.strip():
        return InputError(origin, "empty article (no text)")
    if len(text) > MAX_TEXT_CHARS:
        return InputError(origin, f"text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    return ArticleInput(text=text, id=article_id_for(text, origin), date=default_date, origin=origin)


def _parse_json_line(line: bytes, origin: str, default_date: str | None) -> ArticleInput | InputError:
    try:
        record = json.loads(_decode(line))
    except ValueError as exc:
        return InputError(origin, f"malformed JSON: {exc}")
    return article_from_record(record, origin, default_date)


def article_from_record(record: object, origin: str, default_date: str | None = None) -> ArticleInput | InputError:
    """Validate one JSON article (``text`` required; ``id``, ``date``, ``title``, ``url``, ``source``)."""
    if not isinstance(record, dict):
        return InputError(origin, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(origin, "missing 'text'" if text is None else "'text' is not a string")
    if not text.strip():
        return InputError(origin, "empty 'text'")
    if len(text) > MAX_TEXT_CHARS:
        return InputError(origin, f"text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    date = record.get("date", default_date)
    if date is not None:
        try:
            date = check_date(date)
        except ValueError as exc:
            return InputError(origin, str(exc))
    strings: dict[str, str | None] = {}
    for key in ("id", "title", "url", "source"):
        value = record.get(key)
        if value is not None and not isinstance(value, (str, int)):
            return InputError(origin, f"'{key}' must be a string")
        strings[key] = None if value is None else str(value)
    article_id = strings["id"] or article_id_for(text, "")
    return ArticleInput(text=text, id=article_id, date=date, title=strings["title"],
                        url=strings["url"], source=strings["source"], origin=origin)
