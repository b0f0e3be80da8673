-- The plan store: layers (whole bytes, as the file store keeps them, and one row per project for
-- spatial queries, tiles and per-project versions), the plan's documents, kept versions, the audit
-- log and the district's other files. Runs inside the district's schema (search_path).
CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;

CREATE TABLE plan_layer (
  id text PRIMARY KEY,
  bytes bytea NOT NULL,
  version text NOT NULL,
  -- Grows by one at every save: keys caches (tiles) that must not outlive a version.
  revision bigint NOT NULL DEFAULT 1
);

CREATE TABLE plan_feature (
  layer text NOT NULL REFERENCES plan_layer (id) ON DELETE CASCADE,
  feature_id text NOT NULL,
  ordinal integer NOT NULL,
  -- contentVersionOf the feature's JSON: a project's own version.
  version text NOT NULL,
  properties jsonb NOT NULL,
  geom public.geometry(Geometry, 4326),
  PRIMARY KEY (layer, feature_id)
);
CREATE INDEX plan_feature_geom ON plan_feature USING gist (geom);
CREATE INDEX plan_feature_status ON plan_feature (layer, (properties ->> 'status'));

CREATE TABLE plan_document (
  name text PRIMARY KEY,
  bytes bytea NOT NULL,
  version text NOT NULL
);

-- Kept versions of a layer or document (key = layer id or document name), newest = highest sequence.
CREATE TABLE plan_version (
  key text NOT NULL,
  sequence integer NOT NULL,
  version text NOT NULL,
  time text NOT NULL,
  user_name text,
  size_bytes integer NOT NULL,
  summary jsonb NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (key, sequence)
);
CREATE INDEX plan_version_by_version ON plan_version (key, version);

-- One row per save, the record as the file store's JSON line holds it.
CREATE TABLE plan_audit (
  sequence bigserial PRIMARY KEY,
  layer text NOT NULL,
  record text NOT NULL
);
CREATE INDEX plan_audit_by_layer ON plan_audit (layer, sequence);

-- The district's other files (boundary, tour, control lines, schemas), as imported.
CREATE TABLE district_file (
  path text PRIMARY KEY,
  bytes bytea NOT NULL,
  version text NOT NULL
);
