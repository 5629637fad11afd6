"""Errors raised by dump readers.

Examples
--------
>>> str(DumpError("x.txt", "not text", line=3))
'x.txt:3: not text'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class DumpError(Exception):
    """A dump (or one line of it) cannot be read; names the file and, where known, the line.

    >>> e = DumpError("a.txt", "binary data")
    >>> e.path, e.line
    ('a.txt', None)
    """

    def __init__(self, path: str | Path, message: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword ``line`` (a Dask worker sends the error back to the client)."""
        return (_dump_error, (self.path, self.message, self.line))


def _dump_error(path: str, message: str, line: int | None) -> DumpError:
    return DumpError(path, message, line=line)
