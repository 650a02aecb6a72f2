// Find entities whose name or a synonym contains some text, to get the id other queries take.
// @param text str : part of a name, any case
// @param label str = "" : only this node label (e.g. Mechanism); empty for every label
// @param limit int = 50 in 1..10000 : at most this many
// @example mecfs-kg query find_entity --param text=naltrexone
WITH toLower($text) AS wanted
MATCH (n)
WHERE ($label = '' OR n.label = $label)
  AND (toLower(n.name) CONTAINS wanted OR any(a IN n.aliases WHERE toLower(a) CONTAINS wanted))
RETURN n.id AS id, n.label AS label, n.name AS name, size(n.source_docs) AS documents
ORDER BY documents DESC, id
LIMIT $limit
