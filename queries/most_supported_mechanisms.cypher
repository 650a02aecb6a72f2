// The mechanisms with the most support: the number of distinct studies proposing each.
// @param limit int = 20 in 1..10000 : how many mechanisms to list
// @example mecfs-kg query most_supported_mechanisms --param limit=10
MATCH (s:Study)-[:PROPOSES]->(m:Mechanism)
RETURN m.id AS mechanism_id, m.name AS mechanism, count(DISTINCT s) AS studies
ORDER BY studies DESC, mechanism_id
LIMIT $limit
