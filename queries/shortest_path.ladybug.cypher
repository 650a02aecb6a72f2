// Why: LadybugDB writes shortest paths as `* ALL SHORTEST` and has no list comprehensions
// (properties(nodes(p), 'id') lists a property along the path); and the endpoint filters must sit on
// the path pattern itself, or the search starts from every node.
MATCH p = (a)-[* ALL SHORTEST 1..{{max_length}}]-(b)
WHERE (a.id = $from OR toLower(a.name) = toLower($from) OR $from IN a.aliases)
  AND (b.id = $to OR toLower(b.name) = toLower($to) OR $to IN b.aliases)
  AND a.id <> b.id
WITH DISTINCT length(p) AS length, properties(nodes(p), 'id') AS ids, properties(nodes(p), 'name') AS names,
     properties(rels(p), 'type') AS types
RETURN length, ids, names, types
ORDER BY length, '|' + list_to_string('|', ids), '|' + list_to_string('|', types)
LIMIT $limit
