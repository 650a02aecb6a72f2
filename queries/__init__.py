"""Named Cypher queries (data: `.cypher` files read by `graph/`)."""
