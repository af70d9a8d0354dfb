"""Reading and writing the files that commands are given, with reasons instead of tracebacks."""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO


class UnreadableFile(Exception):
    """A file named on the command line cannot be read; the message says why in a few words."""


# What a FileNotFoundError means when writing: the file would be created, its folder cannot.
NO_FOLDER = "its folder does not exist"


def reason(error: OSError, *, missing: str = "no such file") -> str:
    """Why a file could not be read or written, in a few words that end a sentence."""
    if isinstance(error, FileNotFoundError):
        return missing
    if isinstance(error, IsADirectoryError):
        return "it is a folder, not a file"
    if isinstance(error, NotADirectoryError):
        return "a folder on its path is a file"
    return (error.strerror or str(error)).lower()


@contextmanager
def opened(name: str) -> Iterator[TextIO]:
    """The file `name` open for reading UTF-8 text ('-' is standard input). Failing to open
    it, or to read it while in the block, raises UnreadableFile."""
    try:
        if name == "-":
            yield sys.stdin
        else:
            with open(name, encoding="utf-8") as stream:
                yield stream
    except UnicodeDecodeError:
        raise UnreadableFile("not UTF-8 text") from None
    except OSError as error:
        raise UnreadableFile(reason(error)) from None


def check_readable(name: str) -> None:
    """UnreadableFile if the file `name` cannot be opened for reading (nothing is read)."""
    with opened(name):
        pass


def read_bytes(name: str) -> bytes:
    """The whole content of the file `name` ('-' is standard input), or UnreadableFile."""
    try:
        if name == "-":
            return sys.stdin.buffer.read()
        with open(name, "rb") as stream:
            return stream.read()
    except OSError as error:
        raise UnreadableFile(reason(error)) from None


@contextmanager
def replaced_when_done(path: Path) -> Iterator[Path]:
    """A path beside `path` to write to; it replaces `path` only when the block ends without
    an error, so a failed write leaves no half-written file behind and an earlier one intact.
    An OSError (in the block or in the replacing) propagates."""
    partial = path.with_name(f"{path.name}.partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        with suppress(OSError):  # never hide the error that brought us here
            partial.unlink(missing_ok=True)
