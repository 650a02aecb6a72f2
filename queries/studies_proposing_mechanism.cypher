// Which studies propose (or report evidence for) a mechanism, newest first, with their design.
// @param mechanism str : the mechanism's id, name (any case) or synonym as written
// @example mecfs-kg query studies_proposing_mechanism --param mechanism="mitochondrial dysfunction"
MATCH (s:Study)-[:PROPOSES]->(m:Mechanism)
WHERE m.id = $mechanism OR toLower(m.name) = toLower($mechanism) OR $mechanism IN m.aliases
RETURN DISTINCT s.id AS study_id, s.name AS study, s.title AS title, s.year AS year, s.design AS design,
       s.journal AS journal, m.name AS mechanism
ORDER BY year DESC, study_id
