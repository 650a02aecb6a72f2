// Drugs with contradicting evidence: at least one study or trial reporting a positive result and
// at least one reporting a null result, with how many of each.
// @example mecfs-kg query contradicting_evidence
MATCH (p)-[t:TESTED]->(d:Drug)
WHERE t.outcome = 'positive'
WITH d, count(DISTINCT p) AS positive
MATCH (n)-[r]->(d)
WHERE r.type = 'NULL_RESULT' OR (r.type = 'TESTED' AND r.outcome = 'null')
RETURN d.id AS drug_id, d.name AS drug, positive, count(DISTINCT n) AS null_results
ORDER BY null_results + positive DESC, drug_id
