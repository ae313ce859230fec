"""Reading a command's input file, with one clear line for each way it can go wrong."""

import sys
from pathlib import Path

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
