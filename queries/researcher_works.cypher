// What a researcher has authored and led, newest first.
// @param researcher str : the researcher's id, name (any case) or a name variant as written
// @example mecfs-kg query researcher_works --param researcher="Øystein Fluge"
MATCH (p:Researcher)
WHERE p.id = $researcher OR toLower(p.name) = toLower($researcher) OR $researcher IN p.aliases
MATCH (p)-[r]-(w)
WHERE (r.type = 'AUTHORED' AND w.label = 'Study') OR (r.type = 'LED_BY' AND (w.label = 'Study' OR w.label = 'Trial'))
RETURN DISTINCT p.id AS researcher_id, CASE WHEN r.type = 'AUTHORED' THEN 'authored' ELSE 'led' END AS role,
       w.id AS work_id, w.label AS work_label, w.name AS work, w.year AS year
ORDER BY year DESC, work_id, role
