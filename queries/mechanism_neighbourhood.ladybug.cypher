// Why: one part per depth, joined by UNION ALL. Every WHERE of a part starts with the depth written
// as a constant, so the planner prunes the two parts whose condition is false (about 0.15 ms each)
// and only one part returns rows, in its own ORDER BY. Each part matches the mechanism, then
// `WITH m`, then walks: a recursive pattern must start from the matched mechanism only, and a
// two-hop walk written in the same MATCH as the filtered mechanism lost walks in LadybugDB 0.22.
// Depths 1 and 2 walk fixed hops (the recursive join costs several ms even for one hop). At depth 2
// a walk that comes back to m (m-a-m) marks a neighbour a (distance 1) and any other walk end b is
// at distance 2 (or 1 if b is also a neighbour: min() keeps the smaller). The walks are grouped on
// internal ids, then the id and name of the nodes found are read by a join on the internal id, which
// reads every node: the engine reads string properties 2,048 rows at a time, so reading them for the
// walk ends already read 22 or 23 of the 25 such blocks of the 10,000-document graph from every
// mechanism, and grouping 7,000 walks on three strings cost more than the join (engine time 11.5 ->
// 9.5-10 ms). Depth 3 keeps the breadth-first `* SHORTEST`, which beats the million three-hop walks
// from a hub. label(x) is the node's table, stored by the loaders as `label` too; it reads no column.
MATCH (m:Mechanism)
WHERE {{depth}} = 1 AND (m.id = $mechanism OR toLower(m.name) = toLower($mechanism) OR $mechanism IN m.aliases)
WITH m
MATCH (m)-[]-(n)
WHERE {{depth}} = 1 AND n <> m
WITH DISTINCT n
RETURN n.id AS id, label(n) AS label, n.name AS name, 1 AS distance
ORDER BY id
UNION ALL
MATCH (m:Mechanism)
WHERE {{depth}} = 2 AND (m.id = $mechanism OR toLower(m.name) = toLower($mechanism) OR $mechanism IN m.aliases)
WITH m
MATCH (m)-[]-(a)-[]-(b)
WHERE {{depth}} = 2 AND a <> m
WITH CASE WHEN b = m THEN id(a) ELSE id(b) END AS node, min(CASE WHEN b = m THEN 1 ELSE 2 END) AS distance
MATCH (x)
WHERE {{depth}} = 2 AND id(x) = node
RETURN x.id AS id, label(x) AS label, x.name AS name, distance
ORDER BY distance, id
UNION ALL
MATCH (m:Mechanism)
WHERE {{depth}} = 3 AND (m.id = $mechanism OR toLower(m.name) = toLower($mechanism) OR $mechanism IN m.aliases)
WITH m
MATCH p = (m)-[* SHORTEST 1..{{depth}}]-(c)
WHERE {{depth}} = 3 AND c <> m
RETURN c.id AS id, label(c) AS label, c.name AS name, min(length(p)) AS distance
ORDER BY distance, id
