"""iter_documents walks folders with scandir: the same files, in the same order, as the rglob definition."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from loaders import DOCUMENT_SUFFIXES, iter_documents


def _by_rglob(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path


def test_same_files_as_rglob(tmp_path: Path) -> None:
    for rel in (
        "a/b.txt",
        "a-c.txt",  # '-' sorts before '/': part-by-part order puts a/b.txt first
        "a/.hidden/x.txt",
        ".hidden.txt",
        "a/x.txt.",
        "a/y.TXT",
        "d.txt/e.txt",  # a folder with a document suffix
        "z/z.md",
        "a/b/c/d.txt",
        "b..txt",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "linked_folder")  # rglob does not enter it
    os.symlink(tmp_path / "a-c.txt", tmp_path / "linked.txt")  # a link to a file is a file
    os.symlink(tmp_path / "missing", tmp_path / "broken.txt")
    for roots in ([tmp_path], [tmp_path / "a", tmp_path / "a-c.txt"]):
        assert list(iter_documents(roots)) == list(_by_rglob(roots))
