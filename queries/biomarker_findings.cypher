// What studies report about biomarkers: for each biomarker and reported direction (elevated,
// reduced, unchanged, altered), how many distinct studies report it.
// @param biomarker str = "" : only this biomarker (id, name (any case) or synonym as written); empty for all
// @example mecfs-kg query biomarker_findings --param biomarker=IL-6
MATCH (s:Study)-[r:MEASURED]->(b:Biomarker)
WHERE $biomarker = '' OR b.id = $biomarker OR toLower(b.name) = toLower($biomarker) OR $biomarker IN b.aliases
RETURN b.id AS biomarker_id, b.name AS biomarker, r.direction AS direction, count(DISTINCT s) AS studies
ORDER BY biomarker_id, studies DESC, direction
