"""Query rows as text: an aligned table (default), JSON, or CSV.

>>> print(format_rows([{"drug": "rituximab", "trials": 2, "aliases": ["Rituxan", "MabThera"]}], "table"))
drug       trials  aliases
---------  ------  -----------------
rituximab  2       Rituxan; MabThera
(1 row)
>>> print(format_rows([{"drug": "anakinra", "year": None}], "csv"), end="")
drug,year
anakinra,
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

FORMATS = ("table", "json", "csv")
MAX_CELL = 80


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    cols: dict[str, None] = {}
    for row in rows:
        cols.update(dict.fromkeys(row))
    return list(cols)


def _cell(value: Any, *, table: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and table:
        text = "; ".join(_cell(v, table=True) for v in value)
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    if table:
        text = " ".join(text.split())
        if len(text) > MAX_CELL:
            text = text[: MAX_CELL - 1] + "…"
    return text


def format_rows(rows: Sequence[dict[str, Any]], fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=1)
    cols = _columns(rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_cell(row.get(c), table=False) for c in cols])
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not rows:
        return "(no rows)"
    cells = [[_cell(row.get(c), table=True) for c in cols] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
