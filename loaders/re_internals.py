"""CPython's regular-expression parser, compiler and constants, for the modules that rewrite parse trees
(``loaders.ascii``, ``loaders.branches``); None on other Python implementations, where they keep the
plain patterns."""

from __future__ import annotations

import importlib
from typing import Any

try:
    PARSER: Any = importlib.import_module("re._parser")
    COMPILER: Any = importlib.import_module("re._compiler")
    CONSTANTS: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - other Python implementations
    PARSER = COMPILER = CONSTANTS = None
