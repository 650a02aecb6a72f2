// Which drugs or interventions act on a mechanism, and what the studies and trials that tested them
// found (one row per drug and tester; `outcome` as the document reported it, null if it did not say).
// @param mechanism str : the mechanism's id, name (any case) or synonym as written
// @example mecfs-kg query drugs_for_mechanism --param mechanism=neuroinflammation
MATCH (d:Drug)-[:TARGETS]->(m:Mechanism)
WHERE m.id = $mechanism OR toLower(m.name) = toLower($mechanism) OR $mechanism IN m.aliases
WITH DISTINCT d
OPTIONAL MATCH (t)-[r:TESTED]->(d)
RETURN DISTINCT d.id AS drug_id, d.name AS drug, t.id AS tested_in_id, t.label AS tested_in_label,
       t.name AS tested_in, t.status AS status, r.outcome AS outcome
ORDER BY drug, tested_in_id, outcome
