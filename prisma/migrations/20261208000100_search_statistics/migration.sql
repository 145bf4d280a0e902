-- Extended statistics for the search index. A search such as Observation?patient=X&code=Y filters
-- the same rows by resource type, parameter, code and system, and these columns depend on each
-- other. Without statistics on them together, PostgreSQL multiplies their separate frequencies,
-- takes a common code (every member's HbA1c results) for a rare one, and starts the search from it
-- instead of from the patient's rows. Autovacuum's ANALYZE fills them like any other statistics.
CREATE STATISTICS "search_token_type_param_code_system" (mcv, dependencies) ON "resource_type", "param", "code", "system" FROM "search_token";
CREATE STATISTICS "search_reference_type_param_target" (mcv, dependencies) ON "resource_type", "param", "target_type" FROM "search_reference";
CREATE STATISTICS "search_string_type_param" (mcv, dependencies) ON "resource_type", "param" FROM "search_string";
CREATE STATISTICS "search_date_type_param" (mcv, dependencies) ON "resource_type", "param" FROM "search_date";
