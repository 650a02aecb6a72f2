"""Write the generated linked-data files of ``ontology/``: the OWL ontology, the SHACL shapes, the JSON-LD context.

Run after changing the schema (``ontology/enums.py``, ``schema.py``, ``model.py``) or ``ontology/owl.py``;
``tests/test_rdf_ontology.py`` fails while the committed files differ from what this writes.

    python scripts/generate_ontology.py          # rewrite the files
    python scripts/generate_ontology.py --check  # exit 1 if any file is stale
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ontology.owl import ontology_turtle  # noqa: E402
from ontology.rdf_terms import jsonld_context_text  # noqa: E402
from ontology.shacl import shapes_turtle  # noqa: E402

GENERATED: dict[str, Callable[[], str]] = {
    "mecfs-kg.ttl": ontology_turtle,
    "shapes.ttl": shapes_turtle,
    "context.jsonld": jsonld_context_text,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files (exit code 1)")
    args = parser.parse_args()
    stale = 0
    for name, make in GENERATED.items():
        path = ROOT / "ontology" / name
        text = make()
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale += 1
        if args.check:
            print(f"stale: {path.relative_to(ROOT)}")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
