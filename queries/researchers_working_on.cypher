// Who works on a mechanism or a drug: researchers reported as investigating it (count: documents
// saying so), authors of studies that propose the mechanism or test the drug (count: studies), and
// leaders of trials of the drug (count: trials).
// @param entity str : the mechanism's or drug's id, name (any case) or synonym as written
// @example mecfs-kg query researchers_working_on --param entity=rituximab
MATCH (x)
WHERE (x.label = 'Mechanism' OR x.label = 'Drug')
  AND (x.id = $entity OR toLower(x.name) = toLower($entity) OR $entity IN x.aliases)
MATCH (p:Researcher)-[r:INVESTIGATES]->(x)
RETURN p.id AS researcher_id, p.name AS researcher, 'investigates' AS how, count(DISTINCT r.source_doc) AS count
UNION
MATCH (x)
WHERE (x.label = 'Mechanism' OR x.label = 'Drug')
  AND (x.id = $entity OR toLower(x.name) = toLower($entity) OR $entity IN x.aliases)
MATCH (p:Researcher)-[:AUTHORED]->(s:Study)-[r]->(x)
WHERE r.type = 'PROPOSES' OR r.type = 'TESTED'
RETURN p.id AS researcher_id, p.name AS researcher, 'authored' AS how, count(DISTINCT s) AS count
UNION
MATCH (x:Drug)
WHERE x.id = $entity OR toLower(x.name) = toLower($entity) OR $entity IN x.aliases
MATCH (t)-[:TESTED]->(x)
MATCH (t)-[:LED_BY]->(p:Researcher)
RETURN p.id AS researcher_id, p.name AS researcher, 'led' AS how, count(DISTINCT t) AS count
