// Everything within a few hops of a mechanism (studies, drugs, trials, researchers, other mechanisms),
// each with its distance: the number of relationships on a shortest path, in either direction.
// @param mechanism str : the mechanism's id, name (any case) or synonym as written
// @param depth int = 2 in 1..3 : how many hops out to go
// @example mecfs-kg query mechanism_neighbourhood --param mechanism=neuroinflammation --param depth=2
MATCH (m:Mechanism)
WHERE m.id = $mechanism OR toLower(m.name) = toLower($mechanism) OR $mechanism IN m.aliases
WITH m
MATCH p = (m)-[*1..{{depth}}]-(n)
WHERE n.id <> m.id
RETURN n.id AS id, n.label AS label, n.name AS name, min(length(p)) AS distance
ORDER BY distance, id
