"""Errors a loader reports: always with the file, the line and the reason."""

from __future__ import annotations


class ParseError(ValueError):
    """A document that cannot be read or parsed."""

    def __init__(self, doc: str, line: int, reason: str) -> None:
        super().__init__(f"{doc}:{line}: {reason}")
        self.doc = doc
        self.line = line
        self.reason = reason
