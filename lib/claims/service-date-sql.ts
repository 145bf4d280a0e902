/**
 * SQL that reads an EOB's service date the way parseFhirDate does, from billablePeriod.start,
 * else created, for the EOB body `content` of the enclosing query. It yields `day_number`
 * (20261117 for Nov 17, 2026, as written at the value's own offset; a month or year counts as its
 * first day) and `epoch` (seconds since 1970 UTC), both null when neither date is valid. It never
 * casts unchecked text, because one malformed date must not fail the member's whole list:
 * PostgreSQL 15 has no pg_input_is_valid to test a cast first.
 */
export const serviceDateLateralSql = `
  LATERAL (
    SELECT parsed.day_number, parsed.epoch
    FROM (VALUES (1, content->'billablePeriod'->>'start'), (2, content->>'created')) AS source(rank, text)
    CROSS JOIN LATERAL (
      SELECT regexp_match(source.text,
        '^(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?(Z|[+-]\\d{2}:\\d{2})?)?)?)?$') AS m
    ) AS matched
    CROSS JOIN LATERAL (
      SELECT matched.m[1]::int AS year, COALESCE(matched.m[2]::int, 1) AS month, COALESCE(matched.m[3]::int, 1) AS day,
        COALESCE(matched.m[4]::int, 0) AS hour, COALESCE(matched.m[5]::int, 0) AS minute,
        COALESCE(matched.m[6]::numeric, 0) AS second, matched.m[7] AS offset_text
    ) AS part
    CROSS JOIN LATERAL (
      SELECT matched.m IS NOT NULL AND part.year >= 1 AND part.month BETWEEN 1 AND 12 AND part.day >= 1
        AND part.day <= CASE WHEN part.month BETWEEN 1 AND 12 AND part.year >= 1
          THEN extract(day FROM make_date(part.year, part.month, 1) + interval '1 month' - interval '1 day') END
        AND part.hour <= 23 AND part.minute <= 59 AND part.second < 61 AS valid
    ) AS checked
    CROSS JOIN LATERAL (
      SELECT
        CASE WHEN checked.valid THEN part.year * 10000 + part.month * 100 + part.day END AS day_number,
        CASE WHEN checked.valid THEN
          extract(epoch FROM make_timestamp(part.year, part.month, part.day, part.hour, part.minute, LEAST(part.second, 59.999)))
          - CASE WHEN part.offset_text IS NULL OR part.offset_text = 'Z' THEN 0
              ELSE (CASE WHEN left(part.offset_text, 1) = '-' THEN -1 ELSE 1 END)
                * (substr(part.offset_text, 2, 2)::int * 3600 + substr(part.offset_text, 5, 2)::int * 60) END
        END AS epoch
    ) AS parsed
    WHERE checked.valid
    ORDER BY source.rank
    LIMIT 1
  ) AS service_date`;
