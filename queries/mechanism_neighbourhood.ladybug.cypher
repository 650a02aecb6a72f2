// Why: enumerating every walk explodes through hub nodes; LadybugDB's `* SHORTEST` runs one
// breadth-first search and returns one shortest path per node it reaches. The `WITH m` before it
// keeps the search starting from the matched mechanism only.
MATCH (m:Mechanism)
WHERE m.id = $mechanism OR toLower(m.name) = toLower($mechanism) OR $mechanism IN m.aliases
WITH m
MATCH p = (m)-[* SHORTEST 1..{{depth}}]-(n)
WHERE n.id <> m.id
RETURN n.id AS id, n.label AS label, n.name AS name, min(length(p)) AS distance
ORDER BY distance, id
