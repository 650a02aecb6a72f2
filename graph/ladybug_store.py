"""The embedded store: LadybugDB (the maintained fork of Kùzu) in one file inside the store directory.

New nodes and relationships go in with ``COPY … FROM $rows``, the rows an Arrow table (LadybugDB's
bulk path; typed columns, real lists and nulls, nothing to escape; about three times faster than
COPY from CSV here, and no temporary files);
changed ones are updated with ``UNWIND $rows … SET`` naming every key (no ``SET n += map`` here);
a whole load is one transaction. Only one process may open the database for writing at a time;
readers open it read-only, and then the engine itself refuses any write.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, cast

import ladybug
import pyarrow as pa  # type: ignore[import-untyped]

from graph.cypher_store import CypherStore, delete_edges_query, delete_nodes_query
from graph.ddl import LADYBUG_TYPES, Column, Kind, edge_columns, node_columns, quote, schema_ddl
from graph.load_plan import EDGE_FIELDS, LoadPlan, Record, Row, StoreError, as_rows, node_fields
from ontology.enums import NodeLabel, RelType
from ontology.schema import identifier

UPDATE_BATCH = 2000
_WRITING = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|ALTER|COPY|INSTALL|LOAD\s+EXTENSION|ATTACH|CHECKPOINT|IMPORT)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)


def writes(query: str) -> bool:
    """Whether a statement has a writing clause (strings, quoted names and comments ignored).

    >>> writes("MATCH (n:Drug) WHERE n.name = 'SET' RETURN n.name")
    False
    >>> writes("MATCH (n:Drug) SET n.name = 'x'")
    True
    """
    return bool(_WRITING.search(_QUOTED.sub(" ", query)))


# Result column types whose values plain() may change (NODE[], STRUCT(...) and the like included).
_COMPOSITE = re.compile(r"NODE|REL|STRUCT|MAP|UNION")
# Result column types that come back through Arrow as the same Python values as row by row
# (tests/test_cypher_stores.py checks each); results of these only and of at least ARROW_FROM rows
# are fetched as Arrow columns: 35-40% less time from 1,000 rows on (3,982 rows of four columns:
# about 8.5 -> 5.5 ms), while below ~100 rows Arrow's fixed cost is more than it saves.
_ARROW_SAFE = re.compile(r"(STRING|BOOL|DOUBLE|INT64|INT32|INT16|INT8)(\[\])*")
ARROW_FROM = 100

_ARROW_TYPES: dict[Kind, pa.DataType] = {
    Kind.STRING: pa.string(),
    Kind.INT: pa.int64(),
    Kind.FLOAT: pa.float64(),
    Kind.BOOL: pa.bool_(),
    Kind.STRING_LIST: pa.list_(pa.string()),
    Kind.JSON: pa.string(),
}


def plain(value: Any) -> Any:
    """A result value as plain Python: a node or relationship becomes its properties (nulls left out,
    as Neo4j has them), a path its list of nodes; scalars pass through untouched."""
    if isinstance(value, dict):
        if "_nodes" in value:
            return [plain(n) for n in value["_nodes"]]
        if "_LABEL" in value or "_ID" in value:
            return {k: plain(v) for k, v in value.items() if not k.startswith("_") and v is not None}
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _execute(conn: ladybug.Connection, query: str, params: Mapping[str, Any] | None) -> list[Row]:
    try:
        result = conn.execute(query, dict(params or {}))
    except RuntimeError as exc:
        raise StoreError(str(exc)) from exc
    if isinstance(result, list):
        for r in result:
            r.close()
        raise StoreError("one statement at a time, please")
    try:
        return rows_of(result)
    finally:
        result.close()


def rows_of(result: ladybug.QueryResult, arrow_from: int = ARROW_FROM) -> list[Row]:
    """A result's rows as dicts of plain values."""
    names = result.get_column_names()
    kinds = result.get_column_data_types()
    if result.get_num_tuples() >= arrow_from and all(_ARROW_SAFE.fullmatch(k) for k in kinds):
        dicts: list[Row] = [{} for _ in range(result.get_num_tuples())]
        # Filled a column at a time: half the time of dict(zip(names, row)) per row (3,982 rows of
        # four columns: 1.2 -> 0.6 ms), same keys in the same order.
        for name, column in zip(names, result.get_as_arrow(-1).columns, strict=True):
            for d, value in zip(dicts, column.to_pylist(), strict=True):
                d[name] = value
        return dicts
    # plain() only where a column can hold a node, relationship, path, struct or map: a call per
    # value was a third of a 1,600-row neighbourhood query.
    convert = [i for i, kind in enumerate(kinds) if _COMPOSITE.search(kind)]
    values = cast(list[list[Any]], result.get_all())  # rows as lists: the connection is not as_dict
    for row in values:
        for i in convert:
            row[i] = plain(row[i])
    return [dict(zip(names, row, strict=True)) for row in values]


def _arrow_table(columns: list[tuple[str, Kind]], records: list[Record]) -> pa.Table:
    """Records as an Arrow table: typed columns, real lists and nulls, nothing to escape."""
    values = list(zip(*records, strict=True))  # one transposition in C, then one conversion per column
    arrays = [pa.array(v, type=_ARROW_TYPES[kind]) for v, (_, kind) in zip(values, columns, strict=True)]
    return pa.table(arrays, names=[name for name, _ in columns])


def _set_clause(var: str, cols: Iterable[Column]) -> str:
    return ", ".join(f"{var}.{quote(c.name)} = CAST(row.{quote(c.name)} AS {LADYBUG_TYPES[c.kind]})" for c in cols)


class LadybugStore(CypherStore):
    backend = "ladybug"

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        if read_only and not path.exists():
            raise StoreError(f"no embedded database at {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.read_only = read_only
        try:
            self._db = ladybug.Database(str(path), read_only=read_only)
        except RuntimeError as exc:
            raise StoreError(f"cannot open {path}: {exc} (another process may be using it)") from exc
        self._conn = ladybug.Connection(self._db)
        # Reads run on one thread: with two (the default on this 2-core machine) the engine's
        # scheduling costs more than it saves on these small queries. Engine p50 on the 10k graph:
        # neighbourhood depth 1 3.0 -> 1.7 ms, null_results 0.95 -> 0.38 ms, researchers_working_on
        # 12.8 -> 6.3 ms; the heaviest (depth 3, shortest_path) within 10% either way.
        self._reader = ladybug.Connection(self._db, num_threads=1)

    def close(self) -> None:
        self._reader.close()
        self._conn.close()
        self._db.close()

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return _execute(self._conn, query, params)

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        if writes(query):
            raise StoreError("this statement writes; allow writing explicitly (mecfs-kg cypher --write)")
        return _execute(self._reader, query, params)

    def read_records(self, query: str) -> list[Record]:
        """Through Arrow, a column at a time: several times faster than row by row for the snapshot."""
        if writes(query):
            raise StoreError("this statement writes")
        try:
            result = self._conn.execute(query)
        except RuntimeError as exc:
            raise StoreError(str(exc)) from exc
        assert not isinstance(result, list)
        table = result.get_as_arrow()
        result.close()
        return list(zip(*(column.to_pylist() for column in table.columns), strict=True))

    def ensure_schema(self) -> None:
        tables = {row["name"] for row in self.run("CALL show_tables() RETURN name")}
        for statement in schema_ddl():
            self.run(statement)
        for label in NodeLabel:
            if label.value in tables:  # created by an older version: add columns it lacks
                self._add_missing(label.value, node_columns(label))
        for rel in RelType:
            if rel.value in tables:
                self._add_missing(rel.value, edge_columns())

    def _add_missing(self, table: str, cols: tuple[Column, ...]) -> None:
        have = {row["name"] for row in self.run(f"CALL table_info('{table}') RETURN name")}
        for c in cols:
            if c.name not in have:
                self.run(f"ALTER TABLE `{table}` ADD {c.ddl()}")

    def wipe(self) -> None:
        tables = {row["name"] for row in self.run("CALL show_tables() RETURN name")}
        for name in [r.value for r in RelType] + [lab.value for lab in NodeLabel]:
            if name in tables:
                self.run(f"DROP TABLE `{name}`")
        self.ensure_schema()

    def apply(self, plan: LoadPlan) -> None:
        """One transaction, every statement on this thread. The engine takes the GIL back many times
        while it copies an Arrow table, so Python work on another thread at the same time (planning,
        building the next table) made the copies three to four times slower; one after the other
        is faster, now that the tables take a tenth of the copy time to build."""
        self.run("BEGIN TRANSACTION")
        try:
            self._apply(plan)
        except BaseException:
            with contextlib.suppress(StoreError):  # the engine may have rolled back already
                self.run("ROLLBACK")
            raise
        self.run("COMMIT")

    def _apply(self, plan: LoadPlan) -> None:
        for group, rows in plan.delete_edges.items():
            self._batched(delete_edges_query(group), rows)
        for label, ids in plan.delete_nodes.items():
            self._batched(delete_nodes_query(label), [{"id": i} for i in ids])
        for label, records in plan.create_nodes.items():
            table = _arrow_table([(c.name, c.kind) for c in node_columns(label)], records)
            self.run(f"COPY {identifier(label)} FROM $rows", {"rows": table})
        for label, records in plan.update_nodes.items():
            self._batched(
                f"UNWIND $rows AS row MATCH (n:{identifier(label)} {{id: row.id}}) "
                f"SET {_set_clause('n', node_columns(label)[1:])}",
                as_rows(node_fields(label), records),
            )
        columns = [("source", Kind.STRING), ("target", Kind.STRING), *((c.name, c.kind) for c in edge_columns())]
        for (rel, src, tgt), records in plan.create_edges.items():
            # from/to name node tables: enum members, never data
            self.run(
                f"COPY {identifier(rel)} FROM $rows (from='{src.value}', to='{tgt.value}')",
                {"rows": _arrow_table(columns, records)},
            )
        settable = [c for c in edge_columns() if c.name != "source_doc"]
        for (rel, src, tgt), records in plan.update_edges.items():
            self._batched(
                f"UNWIND $rows AS row MATCH (a:{identifier(src)} {{id: row.source}})-[e:{identifier(rel)}]->"
                f"(b:{identifier(tgt)} {{id: row.target}}) WHERE e.source_doc = row.source_doc "
                f"SET {_set_clause('e', settable)}",
                as_rows(EDGE_FIELDS, records),
            )

    def _batched(self, statement: str, rows: list[Row]) -> None:
        for i in range(0, len(rows), UPDATE_BATCH):
            self.run(statement, {"rows": rows[i : i + UPDATE_BATCH]})
