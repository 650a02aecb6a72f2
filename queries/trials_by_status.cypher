// Trials by status and phase, with what they tested and found, largest first.
// @param status str = "" : planned, ongoing, completed, stopped or unknown; empty for any
// @param phase str = "" : e.g. 2 or 3; empty for any
// @example mecfs-kg query trials_by_status --param status=ongoing
MATCH (t:Trial)
WHERE ($status = '' OR t.status = $status) AND ($phase = '' OR t.phase = $phase)
OPTIONAL MATCH (t)-[:TESTED]->(d:Drug)
RETURN DISTINCT t.id AS trial_id, t.name AS trial, t.phase AS phase, t.status AS status, t.outcome AS outcome,
       t.size AS size, d.id AS drug_id, d.name AS drug
ORDER BY size DESC, trial_id, drug_id
