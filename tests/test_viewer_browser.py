"""The interactive page in a real headless Chromium (Debian's ``chromium``, driven by Playwright; no download).

Locally, without Chromium or the ``playwright`` package, the test skips and says why; under CI
(``CI=true``) it fails instead, so the browser check cannot silently disappear.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.neighbourhood import neighbourhood
from graph.render import render
from tests.neo4j_harness import in_ci

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"browser test cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        _unavailable("no Chromium (apt-get install -y chromium, or set CHROMIUM=/path/to/chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=executable, args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900}
        )
        try:
            yield context
        finally:
            context.close()


def _open(browser: Any, H: nx.MultiDiGraph[str], path: Path) -> Any:
    render(H, path, "test page")
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda req: errors.append(f"request {req.url}"))
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-ready='true']", timeout=15_000)
    assert errors == []
    assert requests == [path.as_uri()]  # offline: nothing else is fetched
    return page


def test_page_draws_the_neighbourhood_and_shows_evidence(
    browser: Any, seed_graph: nx.MultiDiGraph[str], tmp_path: Path
) -> None:
    H, _ = neighbourhood(seed_graph, "rituximab")
    page = _open(browser, H, tmp_path / "rituximab.html")
    assert page.locator("#world g.node").count() == H.number_of_nodes()
    assert page.locator("#world path.edge").count() == H.number_of_edges()
    nulls = page.locator("#world path.edge[data-type='NULL_RESULT']")
    assert nulls.count() == 1 and nulls.get_attribute("stroke-dasharray") == "7 4"
    assert nulls.evaluate("e => getComputedStyle(e).stroke") == "rgb(214, 39, 40)"

    # Click the trial that found no effect: its NULL_RESULT evidence sentence appears in the panel.
    trial, _, null = next((u, v, d) for u, v, d in H.edges(data=True) if d["type"] == "NULL_RESULT")
    page.locator(f"#world g.node[data-id='{trial}'] > polygon").click()
    details = page.locator("#details")
    assert details.get_attribute("data-shown") == trial
    assert null["evidence"] in details.inner_text()
    assert null["source_doc"] in details.inner_text()

    # Click the dashed edge itself.
    x, y = nulls.evaluate(
        """p => { const m = p.getPointAtLength(p.getTotalLength() / 2).matrixTransform(p.getScreenCTM());
                  return [m.x, m.y]; }"""
    )
    page.mouse.click(x, y)
    assert details.get_attribute("data-shown", timeout=2_000).startswith("edge:")
    assert "NULL_RESULT relationship" in details.inner_text()

    # Search dims what does not match; a type filter hides a label and the edges touching it.
    page.fill("#search", "fluge")
    assert page.locator("#world g.node.match").count() == sum(
        "fluge" in (d["name"] + n).lower() for n, d in H.nodes(data=True)
    )
    page.fill("#search", "")
    page.locator("#legend-nodes input[data-type='Institution']").uncheck()
    institutions = [n for n, d in H.nodes(data=True) if d["label"] == "Institution"]
    assert page.locator("#world g.node.hidden").count() == len(institutions) > 0
    touching = sum(u in institutions or v in institutions for u, v in H.edges())
    assert page.locator("#world g.edge-group.hidden").count() == touching
    page.locator("#legend-nodes input[data-type='Institution']").check()

    page.locator(f"#world g.node[data-id='{trial}'] > polygon").click()
    page.screenshot(path=str(tmp_path / "rituximab.png"))
    assert (tmp_path / "rituximab.png").stat().st_size > 10_000
    page.close()


def test_escaped_names_stay_text(browser: Any, seed_graph: nx.MultiDiGraph[str], tmp_path: Path) -> None:
    H, _ = neighbourhood(seed_graph, "neuroinflammation")
    name = '</script><img src=x onerror="document.title=1"> & "quotes"'
    H.nodes["mechanism:neuroinflammation"]["name"] = name
    page = _open(browser, H, tmp_path / "awkward.html")
    assert page.locator("#world g.node").count() == H.number_of_nodes()
    assert page.locator("img").count() == 0
    assert name in page.locator("#details").inner_text()
    page.close()


MERMAID = Path(__file__).resolve().parents[1] / "tools/mermaid-check/node_modules/mermaid/dist/mermaid.min.js"
_PARSE = "async (text) => { try { await mermaid.parse(text); return 'ok'; } catch (e) { return String(e); } }"


def test_mermaid_output_passes_mermaids_own_parser(browser: Any, seed_graph: nx.MultiDiGraph[str]) -> None:
    from graph.render import to_mermaid
    from tests.test_render import _awkward

    if not MERMAID.exists():
        _unavailable("Mermaid is not installed: (cd tools/mermaid-check && npm ci)")
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=str(MERMAID))
        for name in ("mitochondrial dysfunction", "rituximab", "Øystein Fluge"):
            H, _ = neighbourhood(seed_graph, name)
            for graph in (H, _awkward(H)):
                assert page.evaluate(_PARSE, to_mermaid(graph)) == "ok", name
        # The check can fail: a broken edge label is refused.
        assert page.evaluate(_PARSE, 'flowchart LR\n  n0["a"] -->|NULL_RESULT n1') != "ok"
    finally:
        page.close()
