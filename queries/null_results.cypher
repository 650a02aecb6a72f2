// Which drugs had null results (no significant effect, or a missed primary endpoint), and which
// studies or trials found them, with how many documents say so.
// @param drug str = "" : only this drug (id, name (any case) or synonym as written); empty for every drug
// @example mecfs-kg query null_results --param drug=rituximab
MATCH (s)-[r:NULL_RESULT]->(d:Drug)
WHERE $drug = '' OR d.id = $drug OR toLower(d.name) = toLower($drug) OR $drug IN d.aliases
RETURN d.id AS drug_id, d.name AS drug, s.id AS found_by_id, s.label AS found_by_label, s.name AS found_by,
       count(r) AS documents
ORDER BY drug, found_by_id
