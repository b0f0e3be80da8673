-- A tiled layer's statistics and target progress on any day, without reading its projects: every
-- row of plan_feature contributes its status changes as events (day, status, sub-district, the
-- target properties, ±1 project, ± its area, length and summed properties), kept summed by day in
-- plan_status_day; a day's groups are the running sum up to it, a few thousand rows at any size.
-- plan_status_now holds the same sums by today's status. Triggers on plan_feature keep both
-- current at every change of a row, whether a save rewrites the layer or one project
-- (docs/tiles.md). The rules are statusCodesAsOf's and layerColumns' (src/domain), restated here.
-- Runs inside the district's schema: the functions keep that search path (SET … FROM CURRENT).

-- Which properties a layer's target groups carry, from its targets (statusFacetsOf): the values of
-- the `where` properties as group keys, and the sums of the summed properties. Set by the server
-- (ensureStatusFacets), which rebuilds the layer's sums when they change.
CREATE TABLE plan_status_facet (
  layer text PRIMARY KEY,
  where_properties text[] NOT NULL,
  sum_properties text[] NOT NULL
);

-- Sums are numeric: a save subtracts exactly what an earlier one added, so no rounding drifts in
-- over thousands of saves, and a group whose projects all left is exactly zero (then removed).
CREATE TABLE plan_status_day (
  layer text NOT NULL,
  -- yyyymmdd as dayKey gives it; 0 for projects without dated history (their status always applied).
  day integer NOT NULL,
  status text NOT NULL,
  street text NOT NULL,
  -- The where properties' values (a JSON object without the absent and null ones).
  facet jsonb NOT NULL,
  features bigint NOT NULL,
  area numeric NOT NULL,
  length numeric NOT NULL,
  -- In the order of plan_status_facet.sum_properties.
  sums numeric[] NOT NULL,
  PRIMARY KEY (layer, day, status, street, facet)
);

CREATE TABLE plan_status_now (
  layer text NOT NULL,
  status text NOT NULL,
  street text NOT NULL,
  facet jsonb NOT NULL,
  features bigint NOT NULL,
  area numeric NOT NULL,
  length numeric NOT NULL,
  sums numeric[] NOT NULL,
  PRIMARY KEY (layer, status, street, facet)
);

-- String(value) as layerColumns reads a status: text as it is, "undefined" when absent.
CREATE FUNCTION plan_status_text(value jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE jsonb_typeof(value) WHEN 'string' THEN value #>> '{}' WHEN 'null' THEN 'null' ELSE coalesce(value::text, 'undefined') END
$$;

-- A float8 as the exact decimal that round-trips to it (a plain cast keeps 15 digits only): the
-- text PostgreSQL writes with extra_float_digits ≥ 1, which its callers below set.
CREATE FUNCTION plan_exact_numeric(value double precision) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(value, 0)::text::numeric
$$;

-- A finite double's range: JavaScript reads larger numbers as Infinity and far smaller ones as 0.
CREATE FUNCTION plan_double_range(value numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN abs(value) > 1.7976931348623157e308 THEN NULL WHEN abs(value) < 1e-300 THEN 0 ELSE value END
$$;

-- propertyNumber (layerColumns): finite JSON numbers, and text JavaScript's Number() reads as a
-- finite number once trimmed (decimal, 0x/0o/0b); null where it gives NaN or Infinity.
CREATE FUNCTION plan_property_number(value jsonb) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  text_value text;
  digits text;
  base integer;
  result numeric := 0;
BEGIN
  IF jsonb_typeof(value) = 'number' THEN
    RETURN plan_double_range(value::numeric);
  END IF;
  IF jsonb_typeof(value) IS DISTINCT FROM 'string' THEN
    RETURN NULL;
  END IF;
  -- String.prototype.trim's white space and line terminators.
  text_value := btrim(value #>> '{}', E' \t\n\r\u000B\u000C\u00A0\uFEFF\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000');
  IF text_value ~ '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$' THEN
    -- An exponent this large gives Infinity or 0 in JavaScript: either adds nothing to a sum.
    IF length(substring(text_value FROM '[eE][+-]?0*([0-9]+)$')) > 4 THEN
      RETURN CASE WHEN substring(text_value FROM '[eE]([+-]?)') = '-' THEN 0 ELSE NULL END;
    END IF;
    RETURN plan_double_range(text_value::numeric);
  END IF;
  IF text_value ~ '^0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)$' THEN
    base := CASE lower(substr(text_value, 2, 1)) WHEN 'x' THEN 16 WHEN 'o' THEN 8 ELSE 2 END;
    digits := lower(substr(text_value, 3));
    FOR position IN 1 .. length(digits) LOOP
      result := result * base + strpos('0123456789abcdef', substr(digits, position, 1)) - 1;
    END LOOP;
    RETURN plan_double_range(result);
  END IF;
  RETURN NULL;
END
$$;

CREATE TYPE plan_status_change AS (day integer, status text, sign integer);

-- A project's status changes by statusCodesAsOf's rule: entries with a readable date (dayKey),
-- per calendar day the last entry of the day, each day where the status changes gives −1 for the
-- old status and +1 for the new; without dated entries none; without history (not an array, or
-- empty) the current status from day 0. An array, not a set: a bulk save makes a million of them.
CREATE FUNCTION plan_status_changes(properties jsonb) RETURNS plan_status_change[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  history jsonb := properties -> 'history';
  entry jsonb;
  date_text text;
  days integer[] := '{}';
  statuses text[] := '{}';
  dated integer := 0;
  sorted boolean := true;
  previous text;
  changes plan_status_change[] := '{}';
BEGIN
  IF jsonb_typeof(history) IS DISTINCT FROM 'array' OR jsonb_array_length(history) = 0 THEN
    RETURN ARRAY[ROW(0, plan_status_text(properties -> 'status'), 1)::plan_status_change];
  END IF;
  -- By index rather than over jsonb_array_elements: a plain expression per entry, no query.
  FOR item IN 0 .. jsonb_array_length(history) - 1 LOOP
    entry := history -> item;
    date_text := CASE WHEN jsonb_typeof(entry -> 'date') = 'string' THEN entry ->> 'date' END;
    CONTINUE WHEN date_text IS NULL OR date_text !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}';
    dated := dated + 1;
    days[dated] := substr(date_text, 1, 4)::int * 10000 + substr(date_text, 6, 2)::int * 100 + substr(date_text, 9, 2)::int;
    statuses[dated] := plan_status_text(entry -> 'status');
    IF dated > 1 AND days[dated] < days[dated - 1] THEN
      sorted := false;
    END IF;
  END LOOP;
  IF NOT sorted THEN
    -- By day, keeping the file's order within a day (a stable sort).
    SELECT array_agg(item.day ORDER BY item.day, item.position), array_agg(item.status ORDER BY item.day, item.position)
      INTO days, statuses FROM unnest(days, statuses) WITH ORDINALITY AS item(day, status, position);
  END IF;
  FOR position IN 1 .. dated LOOP
    -- A later entry of the same day wins.
    CONTINUE WHEN position < dated AND days[position + 1] = days[position];
    IF previous IS DISTINCT FROM statuses[position] THEN
      changes := changes || ROW(days[position], statuses[position], 1)::plan_status_change;
      IF previous IS NOT NULL THEN
        changes := changes || ROW(days[position], previous, -1)::plan_status_change;
      END IF;
      previous := statuses[position];
    END IF;
  END LOOP;
  RETURN changes;
END
$$;

-- A project's sub-district as layerColumns reads it: text, else ''.
CREATE FUNCTION plan_status_street(properties jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_typeof(properties -> 'street') = 'string' THEN properties ->> 'street' ELSE '' END
$$;

-- Plain expressions in PL/pgSQL loops: these run once per row a save writes or removes.
CREATE FUNCTION plan_status_facet_of(properties jsonb, where_properties text[]) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  facet jsonb := '{}'::jsonb;
  value jsonb;
BEGIN
  FOR position IN 1 .. coalesce(cardinality(where_properties), 0) LOOP
    value := properties -> where_properties[position];
    IF value IS NOT NULL AND jsonb_typeof(value) <> 'null' THEN
      facet := facet || jsonb_build_object(where_properties[position], value);
    END IF;
  END LOOP;
  RETURN facet;
END
$$;

CREATE FUNCTION plan_status_sums_of(properties jsonb, sum_properties text[]) RETURNS numeric[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  result numeric[] := '{}';
BEGIN
  FOR position IN 1 .. coalesce(cardinality(sum_properties), 0) LOOP
    result[position] := coalesce(plan_property_number(properties -> sum_properties[position]), 0);
  END LOOP;
  RETURN result;
END
$$;

-- Element-wise, in PL/pgSQL with the empty case first: most layers sum no property, and these
-- run once per group row in every query.
CREATE FUNCTION plan_scale_array(numeric_values numeric[], factor integer) RETURNS numeric[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  result numeric[] := '{}';
BEGIN
  IF cardinality(numeric_values) = 0 OR factor = 1 THEN
    RETURN numeric_values;
  END IF;
  FOR position IN 1 .. cardinality(numeric_values) LOOP
    result[position] := factor * numeric_values[position];
  END LOOP;
  RETURN result;
END
$$;

CREATE FUNCTION plan_add_arrays(left_values numeric[], right_values numeric[]) RETURNS numeric[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  result numeric[] := left_values;
BEGIN
  IF left_values IS NULL OR cardinality(left_values) = 0 THEN
    RETURN coalesce(right_values, left_values);
  END IF;
  FOR position IN 1 .. coalesce(cardinality(right_values), 0) LOOP
    result[position] := coalesce(result[position], 0) + right_values[position];
  END LOOP;
  RETURN result;
END
$$;

CREATE AGGREGATE plan_sum_arrays(numeric[]) (SFUNC = plan_add_arrays, STYPE = numeric[]);

-- The statement that adds the rows `source` gives (layer, properties, area_square_meters,
-- length_meters, sign: 1 or -1) to both sums, groups in key order so that concurrent saves of one
-- layer lock them in one order. One statement (a data-modifying WITH always runs to completion),
-- so that a trigger's transition tables can be its source.
CREATE FUNCTION plan_status_statement(source text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT format($sql$
    WITH delta AS MATERIALIZED (
      SELECT changed.layer, changed.sign, plan_status_changes(changed.properties) AS changes,
             plan_status_text(changed.properties -> 'status') AS status,
             plan_status_street(changed.properties) AS street,
             plan_status_facet_of(changed.properties, coalesce(facet.where_properties, '{}')) AS facet,
             plan_exact_numeric(changed.area_square_meters) AS area,
             plan_exact_numeric(changed.length_meters) AS length,
             plan_status_sums_of(changed.properties, coalesce(facet.sum_properties, '{}')) AS sums
        FROM (%s) AS changed LEFT JOIN plan_status_facet AS facet ON facet.layer = changed.layer
    ), now_sums AS (
      INSERT INTO plan_status_now AS kept (layer, status, street, facet, features, area, length, sums)
      SELECT layer, status, street, facet, sum(sign), sum(sign * area), sum(sign * length),
             coalesce(plan_sum_arrays(plan_scale_array(sums, sign)) FILTER (WHERE cardinality(sums) > 0), '{}')
        FROM delta GROUP BY layer, status, street, facet ORDER BY layer, status, street, facet
      ON CONFLICT (layer, status, street, facet) DO UPDATE
         SET features = kept.features + excluded.features, area = kept.area + excluded.area,
             length = kept.length + excluded.length, sums = plan_add_arrays(kept.sums, excluded.sums)
    )
    INSERT INTO plan_status_day AS kept (layer, day, status, street, facet, features, area, length, sums)
    SELECT delta.layer, change.day, change.status, delta.street, delta.facet, sum(delta.sign * change.sign),
           sum(delta.sign * change.sign * delta.area), sum(delta.sign * change.sign * delta.length),
           coalesce(plan_sum_arrays(plan_scale_array(delta.sums, delta.sign * change.sign)) FILTER (WHERE cardinality(delta.sums) > 0), '{}')
      FROM delta CROSS JOIN LATERAL unnest(delta.changes) AS change
     GROUP BY delta.layer, change.day, change.status, delta.street, delta.facet
     ORDER BY delta.layer, change.day, change.status, delta.street, delta.facet
    ON CONFLICT (layer, day, status, street, facet) DO UPDATE
       SET features = kept.features + excluded.features, area = kept.area + excluded.area,
           length = kept.length + excluded.length, sums = plan_add_arrays(kept.sums, excluded.sums)
  $sql$, source)
$$;

-- Removes the groups of these layers whose events all cancelled: exactly zero, the sums being numeric.
CREATE FUNCTION plan_status_prune(layers text[]) RETURNS void
LANGUAGE sql SET search_path FROM CURRENT AS $$
  DELETE FROM plan_status_now WHERE layer = ANY (layers) AND features = 0;
  DELETE FROM plan_status_day
   WHERE layer = ANY (layers) AND features = 0 AND area = 0 AND length = 0 AND 0 = ALL (sums);
$$;

-- A bulk save sorts a few rows per project: more memory than the default keeps it off the disk;
-- JIT would spend seconds compiling a statement that is mostly function calls.
CREATE FUNCTION plan_status_follow() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT SET work_mem = '64MB' SET extra_float_digits = 1 SET jit = off AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM plan_status_now;
    DELETE FROM plan_status_day;
    RETURN NULL;
  END IF;
  EXECUTE plan_status_statement(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT layer, properties, area_square_meters, length_meters, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT layer, properties, area_square_meters, length_meters, -1 AS sign FROM old_rows'
    ELSE 'SELECT layer, properties, area_square_meters, length_meters, -1 AS sign FROM old_rows
          UNION ALL SELECT layer, properties, area_square_meters, length_meters, 1 AS sign FROM new_rows' END);
  IF TG_OP <> 'INSERT' THEN
    PERFORM plan_status_prune(ARRAY(SELECT DISTINCT layer FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER plan_status_after_insert AFTER INSERT ON plan_feature
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_status_follow();
CREATE TRIGGER plan_status_after_update AFTER UPDATE ON plan_feature
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_status_follow();
CREATE TRIGGER plan_status_after_delete AFTER DELETE ON plan_feature
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_status_follow();
CREATE TRIGGER plan_status_after_truncate AFTER TRUNCATE ON plan_feature
  FOR EACH STATEMENT EXECUTE FUNCTION plan_status_follow();

-- A layer's sums made again from its rows: when its facets change (ensureStatusFacets), and here
-- for the rows already stored.
CREATE FUNCTION plan_status_rebuild(layer_id text) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT SET work_mem = '64MB' SET extra_float_digits = 1 SET jit = off AS $$
BEGIN
  DELETE FROM plan_status_now WHERE layer = layer_id;
  DELETE FROM plan_status_day WHERE layer = layer_id;
  EXECUTE plan_status_statement(format(
    'SELECT layer, properties, area_square_meters, length_meters, 1 AS sign FROM plan_feature WHERE layer = %L', layer_id));
END
$$;

-- The facets of the stored manifest's targets (statusFacetsOf; code-point order), so the rows here
-- are summed once; a manifest this cannot read leaves them to the server's first request.
DO $$
BEGIN
  INSERT INTO plan_status_facet (layer, where_properties, sum_properties)
  SELECT layer ->> 'id',
         ARRAY(SELECT DISTINCT target -> 'where' ->> 'property' COLLATE "C" FROM jsonb_array_elements(layer -> 'targets') AS target
                WHERE jsonb_typeof(target -> 'where' -> 'property') = 'string' ORDER BY 1),
         ARRAY(SELECT DISTINCT target ->> 'property' COLLATE "C" FROM jsonb_array_elements(layer -> 'targets') AS target
                WHERE target ->> 'metric' = 'sum' AND jsonb_typeof(target -> 'property') = 'string' ORDER BY 1)
    FROM plan_document AS document, jsonb_array_elements(convert_from(document.bytes, 'UTF8')::jsonb -> 'layers') AS layer
   WHERE document.name = 'layers.json' AND layer ->> 'id' IN (SELECT id FROM plan_layer);
EXCEPTION WHEN OTHERS THEN
  NULL;
END
$$;

SELECT plan_status_rebuild(id) FROM plan_layer;
