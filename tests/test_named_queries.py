"""Named query files: headers, parameters, variants and the generated LadybugDB schema."""

from __future__ import annotations

import re

import pytest

from graph.ddl import edge_columns, node_columns, schema_ddl
from graph.jsonio import to_data
from graph.named_queries import BACKENDS, QueryError, load_queries, parse_query
from ontology.enums import NodeLabel, RelType
from ontology.schema import endpoint_pairs

GOOD = """// Which drugs failed?
// @param drug str = "" : a drug
// @param depth int = 2 in 1..3 : hops
// @example mecfs-kg query x --param drug=rituximab
MATCH (d:Drug)-[*1..{{depth}}]-(n) WHERE $drug = '' OR d.name = $drug RETURN n.id AS id
"""


def test_the_shipped_queries_parse_and_cover_the_questions_users_ask() -> None:
    queries = load_queries()
    assert len(queries) >= 12
    for name, q in queries.items():
        assert q.description and q.example.startswith(f"mecfs-kg query {name}"), name
        for backend in BACKENDS:
            text, params = q.render(backend, {p.name: "x" for p in q.params if p.required})
            assert "{{" not in text
            assert set(re.findall(r"\$(\w+)", text)) == set(params), (name, backend)


def test_parameters_are_typed_defaulted_and_checked() -> None:
    q = parse_query("x", GOOD)
    assert q.bind({}) == {"drug": "", "depth": 2}
    assert q.bind({"depth": "3"}) == {"drug": "", "depth": 3}
    text, params = q.render("ladybug", {"depth": "1"})
    assert "[*1..1]" in text and params == {"drug": ""}
    cases: list[tuple[dict[str, object], str]] = [
        ({"depth": "4"}, "not in 1..3"),
        ({"depth": "two"}, "not a int"),
        ({"dose": "1"}, "has no parameter dose"),
        ({"depth": True}, "not a int"),
    ]
    for bad, message in cases:
        with pytest.raises(QueryError, match=message):
            q.bind(bad)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD.replace("// @example mecfs-kg query x --param drug=rituximab\n", ""),
            "needs a description and an @example",
        ),
        (GOOD.replace("$drug = ''", "$dr = ''"), "uses"),
        (GOOD.replace("// @param depth int = 2 in 1..3 : hops", "// @param depth int = 2 : hops"), "needs an int"),
        (GOOD.replace("@param drug str", "@param drug text"), "malformed parameter"),
        (GOOD.replace("// Which", "// @author me\n// Which"), "unknown header tag"),
    ],
)
def test_malformed_query_files_are_refused(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query("x", text)


def test_variants_replace_the_portable_form_only_on_their_backend() -> None:
    q = parse_query("x", GOOD, {"ladybug": "// Why: because\n" + GOOD.splitlines()[-1].replace("*1", "* SHORTEST 1")})
    assert "SHORTEST" in q.text("ladybug") and "SHORTEST" not in q.text("neo4j")
    with pytest.raises(QueryError, match="exactly the other backend's variant"):
        parse_query("x", GOOD.replace("// @example", "// @dialect neo4j\n// @example"))


def test_the_ladybug_schema_is_generated_from_the_ontology() -> None:
    ddl = schema_ddl()
    assert len(ddl) == len(NodeLabel) + len(RelType)
    for rel in RelType:
        (statement,) = (s for s in ddl if s.startswith(f"CREATE REL TABLE IF NOT EXISTS `{rel.value}`("))
        assert re.findall(r"FROM `(\w+)` TO `(\w+)`", statement) == [(s.value, t.value) for s, t in endpoint_pairs(rel)]


def test_the_schema_has_a_column_for_every_key_of_the_json_export(seed_graph: object) -> None:
    data = to_data(seed_graph)  # type: ignore[arg-type]
    for node in data["nodes"]:
        assert set(node) <= {c.name for c in node_columns(NodeLabel(node["label"]))}
    edge_keys = {c.name for c in edge_columns()} | {"source", "target"}
    assert {k for e in data["edges"] for k in e} <= edge_keys
    assert {"direction", "outcome", "evidence", "confidence", "rule", "line", "section"} <= edge_keys
