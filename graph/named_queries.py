"""Named queries: the ``.cypher`` files in ``queries/``, their headers, and per-backend variants.

A query file starts with a header of ``//`` comment lines::

    // Which drugs had null results, and which studies or trials found them?
    // @param drug str = "" : one drug (id, name or synonym); empty for every drug
    // @param depth int = 2 in 1..3 : hops from the mechanism
    // @example mecfs-kg query null_results --param drug=rituximab

The plain comment lines are the description; ``@param NAME TYPE [= DEFAULT] [in LO..HI] : HELP``
declares a parameter (types ``str``, ``int``, ``float``, ``bool``; a parameter without a default is
required); ``@example`` is a command line to try. ``NAME.cypher`` is written in the subset of Cypher
both backends share; where one backend needs its own form, ``NAME.ladybug.cypher`` or
``NAME.neo4j.cypher`` beside it replaces it on that backend (its first comment line says why). When
no common form exists, ``@dialect neo4j`` (or ``ladybug``) says the main file is written for that
backend, and the other backend's variant is then required.
Every ``$parameter`` used in any form must be declared, and every declared one used.

Neither backend accepts a parameter as a variable-length bound (``*1..$depth``), so an ``int``
parameter declared with a range may instead appear as ``{{depth}}`` inside a pattern's bounds: it is
checked (an int within its range) and written into the text as digits, never as anything else. The
same placeholder may stand in a condition where a constant plans better than a parameter (LadybugDB
prunes a ``UNION ALL`` part or an ``OPTIONAL MATCH`` whose condition is a false constant, but runs it
for a false ``$depth``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

BACKENDS = ("ladybug", "neo4j")
_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}
_PARAM = re.compile(
    r"^@param\s+(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>str|int|float|bool)"
    r"(?:\s*=\s*(?P<default>\"(?:[^\"\\]|\\.)*\"|-?[0-9.]+|true|false))?"
    r"(?:\s+in\s+(?P<lo>-?[0-9]+)\.\.(?P<hi>-?[0-9]+))?"
    r"\s*:\s*(?P<help>.+)$"
)
_USED = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_BOUND = re.compile(r"\{\{([a-z_][a-z0-9_]*)\}\}")


class QueryError(ValueError):
    """An unknown query, a bad parameter, or a malformed query file."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any
    required: bool
    help: str
    low: int | None = None
    high: int | None = None

    def convert(self, value: Any) -> Any:
        """A value from the command line (text) or from Python, checked against the declaration."""
        py = _TYPES[self.type]
        if isinstance(value, str) and py is not str:
            text = value.strip().lower()
            try:
                value = {"true": True, "false": False}[text] if py is bool else py(text)
            except (KeyError, ValueError) as exc:
                raise QueryError(f"parameter {self.name}: {value!r} is not a {self.type}") from exc
        if py is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, py) or (py is int and isinstance(value, bool)):
            raise QueryError(f"parameter {self.name}: {value!r} is not a {self.type}")
        if (
            self.low is not None
            and self.high is not None
            and isinstance(value, int)
            and not (self.low <= value <= self.high)
        ):
            raise QueryError(f"parameter {self.name}: {value} is not in {self.low}..{self.high}")
        return value

    def signature(self) -> str:
        text = f"{self.name}: {self.type}"
        if not self.required:
            text += f" = {json.dumps(self.default)}"
        if self.low is not None:
            text += f" (in {self.low}..{self.high})"
        return text


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    example: str
    portable: str
    variants: Mapping[str, str]
    dialect: str | None = None  # the backend the main text is written for, when it is not portable

    def runs_portable_on(self, backend: str) -> bool:
        """Whether the main text runs on ``backend`` (it is portable, or written for it)."""
        return self.dialect in (None, backend)

    def text(self, backend: str) -> str:
        """The query text for ``backend`` (its variant if it has one), bound placeholders unfilled."""
        if backend not in BACKENDS:
            raise QueryError(f"unknown backend {backend!r}")
        return self.variants.get(backend, self.portable)

    def render(self, backend: str, given: Mapping[str, Any], form: str | None = None) -> tuple[str, dict[str, Any]]:
        """Text and ``$parameters`` ready to run: defaults filled in, ``{{bounds}}`` written as digits.

        ``form`` picks a text explicitly (``"portable"`` or a backend name); by default ``backend``'s.
        """
        params = self.bind(given)
        text = self.text(backend) if form is None else (self.portable if form == "portable" else self.text(form))
        bounds = set(_BOUND.findall(text))
        for name in bounds:
            text = text.replace("{{" + name + "}}", str(int(params[name])))
        return text, {k: v for k, v in params.items() if k not in bounds}

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Declared parameters with defaults filled in; unknown or missing ones are an error."""
        declared = {p.name: p for p in self.params}
        unknown = set(given) - set(declared)
        if unknown:
            raise QueryError(f"{self.name} has no parameter {', '.join(sorted(unknown))} (it has: {self.usage()})")
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name in given:
                out[p.name] = p.convert(given[p.name])
            elif p.required:
                raise QueryError(f"{self.name} needs --param {p.name}=… ({p.help})")
            else:
                out[p.name] = p.default
        return out

    def usage(self) -> str:
        return ", ".join(p.signature() for p in self.params) or "no parameters"


def _strip_header(text: str) -> str:
    lines = text.splitlines()
    while lines and (lines[0].startswith("//") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines).strip()


def parse_query(name: str, text: str, variants: Mapping[str, str] | None = None) -> NamedQuery:
    """Parse one query file (and its variant files' texts); raises :class:`QueryError` if malformed."""
    description: list[str] = []
    params: list[Param] = []
    example = ""
    dialect: str | None = None
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if body.startswith("@param"):
            m = _PARAM.match(body)
            if m is None:
                raise QueryError(f"{name}: malformed parameter line: {body}")
            p = Param(
                m["name"],
                m["type"],
                None,
                m["default"] is None,
                m["help"].strip(),
                int(m["lo"]) if m["lo"] else None,
                int(m["hi"]) if m["hi"] else None,
            )
            if m["default"] is not None:
                p = Param(p.name, p.type, p.convert(json.loads(m["default"])), False, p.help, p.low, p.high)
            params.append(p)
        elif body.startswith("@dialect"):
            dialect = body.removeprefix("@dialect").strip()
            if dialect not in BACKENDS:
                raise QueryError(f"{name}: unknown dialect {dialect!r}")
        elif body.startswith("@example"):
            example = body.removeprefix("@example").strip()
        elif body.startswith("@"):
            raise QueryError(f"{name}: unknown header tag: {body}")
        elif body:
            description.append(body)
    if dialect is not None and (dialect in (variants or {}) or len(variants or {}) != 1):
        raise QueryError(f"{name}: written for {dialect}, so it needs exactly the other backend's variant")
    forms = {"portable": _strip_header(text)}
    forms.update({k: _strip_header(v) for k, v in (variants or {}).items()})
    if not description or not example:
        raise QueryError(f"{name}: the header needs a description and an @example")
    declared = {p.name for p in params}
    ranged_ints = {p.name for p in params if p.type == "int" and p.low is not None}
    for form, body in forms.items():
        if not body:
            raise QueryError(f"{name} ({form}): no query text")
        bounds = set(_BOUND.findall(body))
        if not bounds <= ranged_ints:
            raise QueryError(f"{name} ({form}): {{{{…}}}} needs an int parameter with a range: {sorted(bounds)}")
        used = set(_USED.findall(body)) | bounds
        if used != declared:
            raise QueryError(f"{name} ({form}): uses {sorted(used)} but declares {sorted(declared)}")
    return NamedQuery(
        name,
        " ".join(description),
        tuple(params),
        example,
        forms["portable"],
        {k: v for k, v in forms.items() if k != "portable"},
        dialect,
    )


@cache
def load_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in the ``queries`` package, by name."""
    folder = resources.files("queries")
    files = {f.name: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".cypher")}
    out: dict[str, NamedQuery] = {}
    for fname, text in sorted(files.items()):
        stem = fname.removesuffix(".cypher")
        if "." in stem:
            base, backend = stem.rsplit(".", 1)
            if backend not in BACKENDS or f"{base}.cypher" not in files:
                raise QueryError(f"{fname}: a variant needs a known backend and a {base}.cypher beside it")
            continue
        variants = {b: files[f"{stem}.{b}.cypher"] for b in BACKENDS if f"{stem}.{b}.cypher" in files}
        out[stem] = parse_query(stem, text, variants)
    return out


def get_query(name: str) -> NamedQuery:
    queries = load_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; known: {', '.join(sorted(queries))}")
    return queries[name]
