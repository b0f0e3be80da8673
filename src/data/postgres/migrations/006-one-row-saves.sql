-- One-row saves (docs/database.md): a save of one project of a large layer writes that project's
-- row, its version entry and its audit record, and leaves the layer's bytes as they were. The bytes
-- are rebuilt from the kept versions when a whole layer is next read.

-- The version plan_layer.bytes holds when it lags the live one; NULL: the bytes are the live layer.
ALTER TABLE plan_layer ADD COLUMN bytes_version text;

-- A version a one-row save made holds the project as the layer holds it (project_text, NULL when
-- removed) instead of a copy of the layer: its bytes are the previous version's with that project
-- put in, and are filled in once rebuilt.
ALTER TABLE plan_version ALTER COLUMN bytes DROP NOT NULL;
ALTER TABLE plan_version ADD COLUMN project_id text;
ALTER TABLE plan_version ADD COLUMN project_text text;

-- The length of each project's JSON as the layer holds it: a one-row save knows the new layer's
-- size without reading it. NULL for rows written before this migration (their size is estimated).
ALTER TABLE plan_feature ADD COLUMN text_bytes integer;

-- A new project goes after the last one (its place in the layer, as the file store appends it).
CREATE INDEX plan_feature_by_ordinal ON plan_feature (layer, ordinal);

-- The sums of the layer's project measures (migration 004), kept with the count at every save: the
-- plausibility check of a one-row save weighs the layer's total without summing a million rows.
ALTER TABLE plan_layer ADD COLUMN feature_area_total double precision;
ALTER TABLE plan_layer ADD COLUMN feature_length_total double precision;

UPDATE plan_layer
   SET (feature_area_total, feature_length_total) = (SELECT coalesce(sum(area_square_meters), 0), coalesce(sum(length_meters), 0) FROM plan_feature WHERE plan_feature.layer = plan_layer.id);
