"""Regenerate docs/neighbourhood.png: the seeds' mitochondrial-dysfunction neighbourhood in the HTML viewer.

Needs Debian's chromium and the playwright package (no browser download):
    python scripts/neighbourhood_screenshot.py [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from graph.build import build_graph
from graph.neighbourhood import neighbourhood
from graph.render import render
from loaders import iter_documents, load_path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "neighbourhood.png")
    args = parser.parse_args()
    G = build_graph(load_path(p) for p in iter_documents([ROOT / "examples" / "seeds"]))
    H, summary = neighbourhood(G, "mitochondrial dysfunction", depth=2)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_file = Path(tmp) / "neighbourhood.html"
        render(H, page_file, str(summary))
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.goto(page_file.as_uri())
        page.wait_for_selector("html[data-ready='true']")
        page.locator("#world g.node[data-label='Study'] > polygon").first.click()
        page.screenshot(path=str(args.out))
        browser.close()
    print(f"wrote {args.out}: {summary}")


if __name__ == "__main__":
    main()
