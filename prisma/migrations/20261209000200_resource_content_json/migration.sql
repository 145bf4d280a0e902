-- The store writes a resource's body whole and reads it whole: searches and reads send the stored
-- text as it is, and the few queries that look inside a body read one or two fields of a
-- patient's rows. jsonb converted every body to its binary form on write and back to text on
-- every read (with a space after each colon and comma). json keeps the text that the store wrote
-- and only checks that it is JSON. Measured on the Synthea import: PostgreSQL's CPU time went
-- from 0.99 to 0.86 s (BENCHMARKS.md). Rows stored before keep jsonb's formatting of their text.
ALTER TABLE "resource_version" ALTER COLUMN "content" TYPE JSON USING "content"::json;
