"""Reading a command's input file, with one clear line for each way it can go wrong."""

import codecs
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.core.management.base import CommandError


def read_utf8_text(source: str | Path) -> str:
    """The text of a UTF-8 file, or of standard input when `source` is '-'."""
    if str(source) == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{source}: no such file") from None
    except UnicodeDecodeError as error:
        raise CommandError(f"{source}: not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise CommandError(f"{source}: {error.strerror}") from None


@dataclass(frozen=True)
class LineCount:
    lines: int
    non_blank: int


@contextmanager
def _open_binary(source: str | Path) -> Iterator[BinaryIO]:
    if str(source) == "-":
        yield sys.stdin.buffer
        return
    try:
        file = Path(source).open("rb")  # noqa: SIM115 (closed below, after the caller's loop)
    except FileNotFoundError:
        raise CommandError(f"{source}: no such file") from None
    except OSError as error:
        raise CommandError(f"{source}: {error.strerror}") from None
    with file:
        yield file


def count_utf8_lines(source: str | Path) -> LineCount | None:
    """Check that a file is UTF-8 and count its lines, reading it a block at a time; None for
    standard input, which can be read only once."""
    if str(source) == "-":
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = non_blank = 0
    with _open_binary(source) as file:
        for raw in file:
            try:
                decoder.decode(raw)
            except UnicodeDecodeError as error:
                raise CommandError(
                    f"{source}: not UTF-8 text ({error.reason}, line {lines + 1})"
                ) from None
            lines += 1
            non_blank += bool(raw.strip())
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            raise CommandError(f"{source}: not UTF-8 text ({error.reason})") from None
    return LineCount(lines=lines, non_blank=non_blank)


def read_utf8_lines(source: str | Path) -> Iterator[str]:
    """The lines of a UTF-8 file (or standard input), one at a time, split only at "\\n".

    JSON Lines may hold U+2028, U+0085 or a form feed inside a string: those are not line ends
    here, so the line numbers are the ones an editor sees in the file. Only one line is in
    memory at a time.
    """
    with _open_binary(source) as file:
        for number, raw in enumerate(file, start=1):
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise CommandError(
                    f"{source}: not UTF-8 text ({error.reason}, line {number})"
                ) from None
