"""Neo4j over Bolt with the official driver: constraints first, then batched ``UNWIND $rows … MERGE``.

Connection settings come from the standard variables ``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD`` and ``NEO4J_DATABASE`` unless given. Each batch (up to ``batch_size`` rows, from
one statement or from several small ones) is one explicit write transaction run by the driver's
managed-transaction API, which retries transient errors (deadlocks, leader switches) with back-off.
A uniqueness constraint on ``id`` per label is created before any data, so ``MERGE`` finds nodes by
index and two loads can never duplicate a node. Only Cypher valid on Neo4j 5 and on the 2025+
releases is used (``IF NOT EXISTS`` constraints, no ``CALL { WITH … }``). Reads (named queries,
``cypher`` without ``--write``) run in READ access mode, so the server refuses a write.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from graph.cypher_store import CypherStore, delete_edges_query, delete_nodes_query
from graph.ddl import quote
from graph.load_plan import EDGE_FIELDS, LoadPlan, Record, Row, StoreError, node_fields
from ontology.enums import NodeLabel, RelType
from ontology.schema import identifier

DEFAULT_BATCH = 5000
FETCH_SIZE = 10_000  # records per network round trip when reading (the driver's default is 1,000)
_PLAIN = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """A driver value as plain Python: nodes and relationships become their property dicts."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, (Node, Relationship)):
        return dict(value.items())
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Neo4jConfig:
    uri: str
    user: str | None = None
    password: str | None = None
    database: str | None = None

    @classmethod
    def from_env(
        cls, uri: str | None = None, user: str | None = None, password: str | None = None, database: str | None = None
    ) -> Neo4jConfig:
        """Explicit values win; otherwise the standard ``NEO4J_*`` variables."""
        uri = uri or os.environ.get("NEO4J_URI")
        if not uri:
            raise StoreError("no Neo4j to connect to: set NEO4J_URI (or pass --uri)")
        return cls(
            uri=uri,
            user=user or os.environ.get("NEO4J_USERNAME") or None,
            password=password or os.environ.get("NEO4J_PASSWORD") or None,
            database=database or os.environ.get("NEO4J_DATABASE") or None,
        )


def _constraint_name(label: NodeLabel) -> str:
    return f"mecfs_kg_{label.value.lower()}_id"


def _set_clause(var: str, fields: Sequence[str], skip: Sequence[str]) -> str:
    """``SET`` of each property from its place in ``row`` (a null removes it), every field but those in
    ``skip`` (the merge key, the endpoints). Each is set by name, not ``SET x += map``: a map could hold
    the merge key, so the planner would insert an Eager step that holds every row of the batch before
    writing (about a fifth of a load's server time)."""
    return ", ".join(f"{var}.{quote(n)} = row[{i}]" for i, n in enumerate(fields) if n not in skip)


def node_merge_query(label: NodeLabel) -> str:
    """Create or update the nodes in ``$rows``, each a record in ``node_fields`` order (``id`` first).

    Rows go as lists, not maps: no key repeated per row to encode and decode (a 6,283-item load
    took a fifth less time, on the server and in the driver)."""
    return (
        f"UNWIND $rows AS row MERGE (n:{identifier(label)} {{id: row[0]}}) "
        f"SET {_set_clause('n', node_fields(label), ['id'])}"
    )


def edge_merge_query(rel: RelType, src: NodeLabel, tgt: NodeLabel) -> str:
    """Create or update the relationships in ``$rows``, each a record in ``EDGE_FIELDS`` order."""
    s, t, d = (EDGE_FIELDS.index(k) for k in ("source", "target", "source_doc"))
    return (
        f"UNWIND $rows AS row MATCH (a:{identifier(src)} {{id: row[{s}]}}) "
        f"MATCH (b:{identifier(tgt)} {{id: row[{t}]}}) "
        f"MERGE (a)-[r:{identifier(rel)} {{source_doc: row[{d}]}}]->(b) "
        f"SET {_set_clause('r', EDGE_FIELDS, ['source', 'target', 'source_doc'])}"
    )


Statement = tuple[str, Sequence[Any]]  # a query with its $rows


def transactions(statements: list[Statement], batch_size: int) -> Iterator[list[Statement]]:
    """The statements' rows cut into transactions of at most ``batch_size`` rows, in order: a small
    load is one transaction, not one per label and relationship group (each commit is a round trip
    and a log flush), and a large one never holds more than a batch in one transaction.

    >>> [[(q, len(rows)) for q, rows in t] for t in transactions([("a", [1] * 3), ("b", [2] * 6)], 4)]
    [[('a', 3)], [('b', 4)], [('b', 2)]]
    >>> [[(q, len(rows)) for q, rows in t] for t in transactions([("a", [1] * 3), ("b", [2])], 4)]
    [[('a', 3), ('b', 1)]]
    """
    part: list[Statement] = []
    size = 0
    for query, rows in statements:
        for i in range(0, len(rows), batch_size):
            chunk = rows[i : i + batch_size]
            if part and size + len(chunk) > batch_size:
                yield part
                part, size = [], 0
            part.append((query, chunk))
            size += len(chunk)
    if part:
        yield part


class Neo4jStore(CypherStore):
    backend = "neo4j"

    def __init__(self, config: Neo4jConfig, *, batch_size: int = DEFAULT_BATCH) -> None:
        if batch_size < 1:
            raise StoreError("batch size must be at least 1")
        self.config = config
        self.batch_size = batch_size
        auth = (config.user or "neo4j", config.password) if config.password else None
        # query warnings (e.g. a property key no node has yet) are noise for generated queries
        self._driver = neo4j.GraphDatabase.driver(
            config.uri, auth=auth, notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF
        )
        try:
            self._driver.verify_connectivity()
        except (Neo4jError, ServiceUnavailable, OSError, ValueError) as exc:
            self._driver.close()
            raise StoreError(f"cannot reach Neo4j at {config.uri}: {exc}") from exc

    def close(self) -> None:
        self._driver.close()

    def _execute(self, query: str, params: Mapping[str, Any] | None, *, write: bool) -> list[Row]:
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            result = tx.run(query, dict(params or {}))
            keys = result.keys()
            return [dict(zip(keys, map(plain, values), strict=True)) for values in result.values()]

        try:
            with self._driver.session(database=self.config.database, fetch_size=FETCH_SIZE) as session:
                return session.execute_write(work) if write else session.execute_read(work)
        except ClientError as exc:
            if "AccessMode" in (exc.code or "") or "read access mode" in (exc.message or ""):
                raise StoreError("this statement writes; allow writing explicitly (mecfs-kg cypher --write)") from exc
            raise StoreError(f"{exc.code}: {exc.message}") from exc
        except Neo4jError as exc:
            raise StoreError(f"{exc.code}: {exc.message}") from exc

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._execute(query, params, write=True)

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._execute(query, params, write=False)

    def ensure_schema(self) -> None:
        """A uniqueness constraint on ``id`` per label; one read when they are all there already."""
        have = {row["name"] for row in self.read("SHOW CONSTRAINTS YIELD name RETURN name")}
        for label in NodeLabel:
            if _constraint_name(label) not in have:
                self.run(
                    f"CREATE CONSTRAINT {_constraint_name(label)} IF NOT EXISTS "
                    f"FOR (n:{identifier(label)}) REQUIRE n.`id` IS UNIQUE"
                )

    def wipe(self) -> None:
        """Delete the schema's nodes (and so their relationships) in batches; other data is left alone."""
        for label in NodeLabel:
            while True:
                rows = self.run(
                    f"MATCH (n:{identifier(label)}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted",
                    {"batch": self.batch_size},
                )
                if not rows or rows[0]["deleted"] == 0:
                    break

    def _write(self, statements: list[Statement]) -> None:
        def work(tx: neo4j.ManagedTransaction, part: list[Statement]) -> None:
            for query, rows in part:
                tx.run(query, rows=rows).consume()

        with self._driver.session(database=self.config.database) as session:
            for part in transactions(statements, self.batch_size):
                try:  # retried whole on a transient error: every statement in it is idempotent
                    session.execute_write(work, part)
                except Neo4jError as exc:
                    raise StoreError(f"{exc.code}: {exc.message}") from exc

    def apply(self, plan: LoadPlan) -> None:
        statements: list[Statement] = []
        for group, rows in plan.delete_edges.items():
            statements.append((delete_edges_query(group), rows))
        for label, ids in plan.delete_nodes.items():
            statements.append((delete_nodes_query(label), [{"id": i} for i in ids]))
        for label in NodeLabel:
            # the plan's records: every column, nulls included (a null removes the property)
            records: list[Record] = plan.create_nodes.get(label, []) + plan.update_nodes.get(label, [])
            if records:
                statements.append((node_merge_query(label), records))
        for group in sorted({*plan.create_edges, *plan.update_edges}):
            records = plan.create_edges.get(group, []) + plan.update_edges.get(group, [])
            statements.append((edge_merge_query(*group), records))
        self._write(statements)
