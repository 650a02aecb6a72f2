// How two entities are connected: every shortest path between them, in either direction, as the
// ids and names of the nodes on it and the types of the relationships between them.
// @param from str : one entity's id, name (any case) or synonym as written
// @param to str : the other entity, the same way
// @param max_length int = 6 in 1..8 : give up beyond this many hops
// @param limit int = 25 in 1..10000 : at most this many paths
// @dialect neo4j
// @example mecfs-kg query shortest_path --param from=anakinra --param to=rituximab
MATCH (a), (b)
WHERE (a.id = $from OR toLower(a.name) = toLower($from) OR $from IN a.aliases)
  AND (b.id = $to OR toLower(b.name) = toLower($to) OR $to IN b.aliases)
  AND a <> b
WITH a, b
MATCH p = allShortestPaths((a)-[*..{{max_length}}]-(b))
WITH DISTINCT length(p) AS length, [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names,
     [r IN relationships(p) | r.type] AS types
RETURN length, ids, names, types
ORDER BY length, reduce(k = '', i IN ids | k + '|' + i), reduce(k = '', t IN types | k + '|' + t)
LIMIT $limit
