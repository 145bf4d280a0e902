-- The search index and compartment tables find a resource's rows by resource_id only with
-- equality: to delete them when the resource changes, and to join them to the resource. A hash
-- index serves that at a lower cost than a btree over text ids: measured on the Synthea import,
-- PostgreSQL's CPU time went from 1.13 to 1.02 s (BENCHMARKS.md). resource_compartment's index
-- had resource_type first; the id alone picks out a handful of rows, and the join checks the type.
DROP INDEX "resource_compartment_resource_type_resource_id_idx";
CREATE INDEX "resource_compartment_resource_id_idx" ON "resource_compartment" USING HASH ("resource_id");

DROP INDEX "search_token_resource_id_idx";
CREATE INDEX "search_token_resource_id_idx" ON "search_token" USING HASH ("resource_id");

DROP INDEX "search_string_resource_id_idx";
CREATE INDEX "search_string_resource_id_idx" ON "search_string" USING HASH ("resource_id");

DROP INDEX "search_date_resource_id_idx";
CREATE INDEX "search_date_resource_id_idx" ON "search_date" USING HASH ("resource_id");

DROP INDEX "search_reference_resource_id_idx";
CREATE INDEX "search_reference_resource_id_idx" ON "search_reference" USING HASH ("resource_id");

DROP INDEX "search_number_resource_id_idx";
CREATE INDEX "search_number_resource_id_idx" ON "search_number" USING HASH ("resource_id");

DROP INDEX "search_quantity_resource_id_idx";
CREATE INDEX "search_quantity_resource_id_idx" ON "search_quantity" USING HASH ("resource_id");

DROP INDEX "search_uri_resource_id_idx";
CREATE INDEX "search_uri_resource_id_idx" ON "search_uri" USING HASH ("resource_id");
