// Why: LadybugDB's recursive join costs several ms even for one hop (it reads the properties of the
// nodes it reaches by scanning every node table), while fixed-length hops cost well under one. So
// depth 1 is one hop; depth 2 walks two hops, where a walk that comes back to m (m-a-m) is how a
// neighbour a shows up at distance 1 and any other walk end b is at distance 2 (or 1, if b is also a
// neighbour: min() keeps the smaller); depth 3 keeps the breadth-first `* SHORTEST`, which beats
// the million three-hop walks from a hub. The depth is written as a constant in each OPTIONAL MATCH
// condition: the planner drops a branch whose condition is a false constant (a $parameter there
// would still run it). The `WITH m` keeps every search starting from the matched mechanism only.
// label(x) is the node's table, which the loaders also store as its `label` property: reading it
// costs no column scan. The centre is left out by internal id (no string compared per walk).
MATCH (m:Mechanism)
WHERE m.id = $mechanism OR toLower(m.name) = toLower($mechanism) OR $mechanism IN m.aliases
WITH m
OPTIONAL MATCH (m)-[]-(n) WHERE {{depth}} = 1
OPTIONAL MATCH (m)-[]-(a)-[]-(b) WHERE {{depth}} = 2
OPTIONAL MATCH p = (m)-[* SHORTEST 1..{{depth}}]-(c) WHERE {{depth}} = 3
WITH id(m) AS centre,
     CASE WHEN {{depth}} = 1 THEN id(n) WHEN {{depth}} = 3 THEN id(c) WHEN b = m THEN id(a) ELSE id(b) END AS node,
     CASE WHEN {{depth}} = 1 THEN n.id WHEN {{depth}} = 3 THEN c.id WHEN b = m THEN a.id ELSE b.id END AS id,
     CASE WHEN {{depth}} = 1 THEN label(n) WHEN {{depth}} = 3 THEN label(c) WHEN b = m THEN label(a) ELSE label(b) END AS label,
     CASE WHEN {{depth}} = 1 THEN n.name WHEN {{depth}} = 3 THEN c.name WHEN b = m THEN a.name ELSE b.name END AS name,
     CASE WHEN {{depth}} = 1 THEN 1 WHEN {{depth}} = 3 THEN length(p) WHEN b = m THEN 1 ELSE 2 END AS d
WHERE node <> centre
RETURN id, label, name, min(d) AS distance
ORDER BY distance, id
