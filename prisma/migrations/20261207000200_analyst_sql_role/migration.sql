-- Roles and grants on pg_catalog functions belong to the whole server, so two databases (or two
-- test schemas) migrating at once would race on the same catalog rows. This lock, held until the
-- migration commits, makes them take turns.
SELECT pg_advisory_xact_lock(20261207000200);

-- The role the admin SQL console runs queries as. It can log in nowhere and reads only the
-- analytics schema: the refresh grants SELECT on each table it creates there.
DO $$
BEGIN
    CREATE ROLE lakeview_analyst NOLOGIN;
EXCEPTION
    -- Roles belong to the whole server, so another database or a parallel migration may have made it.
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- Runs one admin query as lakeview_analyst. SECURITY DEFINER is what makes the role stick:
-- PostgreSQL refuses SET ROLE and set_config('role', ...) inside a security-definer function,
-- while a plain SET LOCAL ROLE could be undone by the query itself, because the session user
-- may switch back. The first row returned is the column names as a JSON array. Each further
-- row is one result row as a JSON array of text values (null for SQL NULL), at most row_limit.
CREATE FUNCTION "lakeview_run_analyst_query"(query TEXT, row_limit INTEGER) RETURNS SETOF JSON
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    -- The left join on false yields one row of NULLs, so the names come back even for an empty result.
    RETURN QUERY EXECUTE format(
        E'SELECT (SELECT json_agg(c.key ORDER BY c.n) FROM json_each(to_json(h)) WITH ORDINALITY AS c(key, value, n))\n'
        || E'FROM (SELECT q.* FROM (SELECT 1) AS one LEFT JOIN (\n%s\n) AS q ON false) AS h', query);
    RETURN QUERY EXECUTE format(
        E'SELECT (SELECT json_agg(c.value ORDER BY c.n) FROM json_each_text(to_json(q)) WITH ORDINALITY AS c(key, value, n))\n'
        || E'FROM (\n%s\n) AS q LIMIT %s', query, row_limit);
END
$$;

ALTER FUNCTION "lakeview_run_analyst_query"(TEXT, INTEGER) OWNER TO lakeview_analyst;
REVOKE EXECUTE ON FUNCTION "lakeview_run_analyst_query"(TEXT, INTEGER) FROM PUBLIC;

-- The console calls the function after SET LOCAL ROLE lakeview_analyst, so the role must be able
-- to find it. USAGE on a schema lets it look names up, not read any table in it.
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO lakeview_analyst', current_schema());
    IF to_regnamespace('analytics') IS NOT NULL THEN
        BEGIN
            GRANT USAGE ON SCHEMA analytics TO lakeview_analyst;
            GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO lakeview_analyst;
        EXCEPTION
            -- A refresh dropping a table meanwhile fails the grant with "tuple concurrently
            -- deleted"; the refresh grants SELECT on each table it creates, so nothing is lost.
            WHEN internal_error THEN NULL;
        END;
    END IF;
END
$$;

-- PUBLIC may run these by default. pg_sleep would outlast the statement timeout on PGlite, which
-- does not enforce one, and a session-level advisory lock would outlive the console's transaction
-- on a pooled connection and block the analytics refresh. Superusers keep them. Only a superuser
-- may change grants on pg_catalog functions, so a migration run by another role skips this step.
DO $$
DECLARE
    signature TEXT;
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RAISE NOTICE 'lakeview_analyst keeps pg_sleep and session advisory locks: only a superuser can revoke them from PUBLIC';
        RETURN;
    END IF;
    FOREACH signature IN ARRAY ARRAY[
        'pg_sleep(double precision)', 'pg_sleep_for(interval)', 'pg_sleep_until(timestamp with time zone)',
        'pg_advisory_lock(bigint)', 'pg_advisory_lock(integer, integer)',
        'pg_advisory_lock_shared(bigint)', 'pg_advisory_lock_shared(integer, integer)',
        'pg_try_advisory_lock(bigint)', 'pg_try_advisory_lock(integer, integer)',
        'pg_try_advisory_lock_shared(bigint)', 'pg_try_advisory_lock_shared(integer, integer)'
    ] LOOP
        IF has_function_privilege('lakeview_analyst', signature, 'EXECUTE') THEN
            BEGIN
                EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', signature);
            EXCEPTION
                -- Two databases migrating at once can race on the same catalog row ("tuple
                -- concurrently updated"); the other one revokes it.
                WHEN internal_error THEN NULL;
            END;
        END IF;
    END LOOP;
END
$$;
