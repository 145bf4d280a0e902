-- A reference search such as ExplanationOfBenefit?patient=X names the referring type, but the
-- index on search_reference ended at the parameter, so PostgreSQL read the row of every resource
-- of any type that names X as its patient and dropped the others by type. Every FHIR request
-- stores an AuditEvent naming its patient, so a member's claim search grew slower with each
-- access to their record: 399 of the 406 rows it read were AuditEvents after a few benchmark runs
-- (BENCHMARKS.md). With the referring type in the key it reads only the claims' rows. The
-- searches by target alone, such as _revinclude, still use the leading columns.
CREATE INDEX "search_reference_target_type_target_id_param_resource_type_idx" ON "search_reference"("target_type", "target_id", "param", "resource_type");
DROP INDEX "search_reference_target_type_target_id_param_idx";
