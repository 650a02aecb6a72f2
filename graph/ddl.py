"""The property-graph schema both stores hold, derived from the ontology, and LadybugDB's DDL for it.

Every key of a JSON-export node object is a node property (``label`` included), and every key of
a JSON-export edge object except ``source`` and ``target`` is a relationship property (``type``
included), so one query text can read a node's label (``n.label``) or a relationship's type
(``r.type``) on both backends. Property types come from the pydantic models; lists are ``STRING[]``;
``xrefs`` (prefix → local id) is stored as compact JSON text with sorted keys, on both backends.

>>> [c.name for c in node_columns(NodeLabel.JOURNAL)]
['id', 'name', 'aliases', 'source_docs', 'label']
>>> node_table_ddl(NodeLabel.JOURNAL)
'CREATE NODE TABLE IF NOT EXISTS `Journal`(`id` STRING, `name` STRING, `aliases` STRING[], \
`source_docs` STRING[], `label` STRING, PRIMARY KEY(`id`))'
>>> rel_table_ddl(RelType.TESTED)[:79]
'CREATE REL TABLE IF NOT EXISTS `TESTED`(FROM `Study` TO `Drug`, FROM `Trial` TO'
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from enum import Enum, StrEnum
from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic.fields import FieldInfo

from ontology.enums import NodeLabel, RelType
from ontology.model import NODE_MODELS, Edge, Evidence
from ontology.schema import endpoint_pairs, identifier


class Kind(StrEnum):
    """How a property is stored."""

    STRING = "string"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    STRING_LIST = "string list"
    JSON = "json"  # a dict, as JSON text


LADYBUG_TYPES: dict[Kind, str] = {
    Kind.STRING: "STRING",
    Kind.INT: "INT64",
    Kind.FLOAT: "DOUBLE",
    Kind.BOOL: "BOOLEAN",
    Kind.STRING_LIST: "STRING[]",
    Kind.JSON: "STRING",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind

    def ddl(self) -> str:
        return f"{quote(self.name)} {LADYBUG_TYPES[self.kind]}"


# The JSON edge object's keys, beside source/target, and the model field each one comes from.
_EDGE_FIELDS: dict[str, FieldInfo] = {
    "type": Edge.model_fields["type"],
    "source_doc": Evidence.model_fields["source_doc"],
    "evidence": Evidence.model_fields["sentence"],
    "confidence": Evidence.model_fields["confidence"],
    "rule": Evidence.model_fields["rule"],
    "line": Evidence.model_fields["line"],
    "section": Evidence.model_fields["section"],
    "direction": Edge.model_fields["direction"],
    "outcome": Edge.model_fields["outcome"],
}

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def quote(name: str) -> str:
    """A property name as a Cypher identifier (only schema field names ever get here)."""
    if not _NAME.match(name):
        raise ValueError(f"not a property name: {name!r}")
    return f"`{name}`"


def _kind(annotation: Any) -> Kind:
    """The stored kind of a pydantic field annotation (Optional and Annotated unwrapped)."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _kind(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"cannot store a union of {args}")
        return _kind(args[0])
    if origin is Literal:
        return Kind.STRING
    if origin is tuple:
        item = typing.get_args(annotation)[0]
        if _kind(item) is not Kind.STRING:
            raise TypeError(f"only lists of strings are stored, not {annotation}")
        return Kind.STRING_LIST
    if origin is dict:
        return Kind.JSON
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return Kind.BOOL
        if issubclass(annotation, int):
            return Kind.INT
        if issubclass(annotation, float):
            return Kind.FLOAT
        if issubclass(annotation, (str, Enum)):
            return Kind.STRING
    raise TypeError(f"no stored kind for {annotation!r}")


@cache
def node_columns(label: NodeLabel) -> tuple[Column, ...]:
    """The node table's columns, ``id`` first, in the model's field order."""
    fields = NODE_MODELS[label].model_fields
    return tuple(Column(name, _kind(f.annotation)) for name, f in fields.items())


@cache
def column_names(label: NodeLabel) -> frozenset[str]:
    return frozenset(c.name for c in node_columns(label))


@cache
def edge_columns() -> tuple[Column, ...]:
    """The properties every relationship table has (absent ones are null)."""
    return tuple(Column(name, _kind(f.annotation)) for name, f in _EDGE_FIELDS.items())


def node_table_ddl(label: NodeLabel) -> str:
    cols = ", ".join(c.ddl() for c in node_columns(label))
    return f"CREATE NODE TABLE IF NOT EXISTS {identifier(label)}({cols}, PRIMARY KEY({quote('id')}))"


def rel_table_ddl(rel: RelType) -> str:
    pairs = ", ".join(f"FROM {identifier(s)} TO {identifier(t)}" for s, t in endpoint_pairs(rel))
    cols = ", ".join(c.ddl() for c in edge_columns())
    return f"CREATE REL TABLE IF NOT EXISTS {identifier(rel)}({pairs}, {cols})"


def schema_ddl() -> list[str]:
    """Every CREATE statement, node tables first (relationship tables refer to them)."""
    return [node_table_ddl(label) for label in NodeLabel] + [rel_table_ddl(rel) for rel in RelType]
