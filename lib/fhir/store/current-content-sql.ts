/**
 * Returns a subquery for the select list that reads the current content of the resource row
 * aliased `alias`. PostgreSQL runs it once per row it returns, through the full key of
 * resource_version. As a join, a type written since the last ANALYZE looked nearly empty to the
 * planner, which then read every version of that type once per resource. A full analytics
 * rebuild at 100,000 members spent minutes on each batch of care gap MeasureReports that way.
 */
export function currentContentSql(alias: string): string {
  return `(SELECT v.content FROM resource_version v WHERE v.resource_type = ${alias}.resource_type AND v.id = ${alias}.id AND v.version_id = ${alias}.version_id)`;
}
