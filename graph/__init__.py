"""The graph layer: build, merge and export the knowledge graph; the CLI."""
