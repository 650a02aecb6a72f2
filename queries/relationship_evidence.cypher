// The evidence behind the relationships between two entities: every sentence, where it stands
// (document, line, section), the extraction rule and its confidence.
// @param source str : the relationship's source node: id, name (any case) or synonym as written
// @param target str : its target node, the same way
// @param type str = "" : only this relationship type (e.g. NULL_RESULT); empty for every type
// @example mecfs-kg query relationship_evidence --param source="Roerink et al. 2017" --param target=anakinra
MATCH (a)-[r]->(b)
WHERE (a.id = $source OR toLower(a.name) = toLower($source) OR $source IN a.aliases)
  AND (b.id = $target OR toLower(b.name) = toLower($target) OR $target IN b.aliases)
  AND ($type = '' OR r.type = $type)
RETURN a.id AS source_id, r.type AS type, b.id AS target_id, r.source_doc AS source_doc, r.line AS line,
       r.section AS section, r.evidence AS evidence, r.rule AS rule, r.confidence AS confidence,
       r.outcome AS outcome, r.direction AS direction
ORDER BY type, source_doc, line, source_id, target_id
