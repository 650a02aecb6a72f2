// Which mechanisms are proposed by studies of one condition and also by studies of another, with
// how many distinct studies of each.
// @param condition_a str : the first condition's id, name (any case) or synonym as written
// @param condition_b str : the second condition, the same way
// @example mecfs-kg query shared_mechanisms --param condition_a=ME/CFS --param condition_b="long COVID"
MATCH (a:Condition)<-[:STUDIED]-(s:Study)-[:PROPOSES]->(m:Mechanism)
WHERE a.id = $condition_a OR toLower(a.name) = toLower($condition_a) OR $condition_a IN a.aliases
WITH m, count(DISTINCT s) AS studies_a
MATCH (b:Condition)<-[:STUDIED]-(s2:Study)-[:PROPOSES]->(m)
WHERE b.id = $condition_b OR toLower(b.name) = toLower($condition_b) OR $condition_b IN b.aliases
RETURN m.id AS mechanism_id, m.name AS mechanism, studies_a, count(DISTINCT s2) AS studies_b
ORDER BY studies_a + studies_b DESC, mechanism_id
