-- Up Migration

-- The worker's runtime role. Roles are cluster-global and several databases may share one
-- cluster (and migrate at the same time), so creation tolerates an existing role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tartip_worker') THEN
    CREATE ROLE tartip_worker NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO tartip_worker;

-- Administrative-territorial units (Law No 148 art. 1; Law on the administrative-territorial
-- structure). kind:
--   region           область
--   city_republican  город республиканского значения
--   capital          столица
--   district         район (of a region, or a district within a city)
--   city_regional    город областного значения
--   rural_district   сельский округ
--   village          село
--   settlement       посёлок
--   city_district    город районного значения
CREATE TABLE admin_units (
  id        text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$'),
  kind      text NOT NULL CHECK (kind IN ('region', 'city_republican', 'capital', 'district',
                                          'city_regional', 'rural_district', 'village',
                                          'settlement', 'city_district')),
  parent_id text REFERENCES admin_units (id),
  name_kk   text NOT NULL CHECK (length(name_kk) > 0),
  name_ru   text NOT NULL CHECK (length(name_ru) > 0),
  CHECK ((kind IN ('region', 'city_republican', 'capital')) = (parent_id IS NULL))
);
CREATE INDEX admin_units_parent ON admin_units (parent_id);

-- A maslikhat of a unit; seats = number of deputies fixed by the election commission.
CREATE TABLE maslikhats (
  id          text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$'),
  unit_id     text NOT NULL UNIQUE REFERENCES admin_units (id),
  name_kk     text NOT NULL CHECK (length(name_kk) > 0),
  name_ru     text NOT NULL CHECK (length(name_ru) > 0),
  seats       integer NOT NULL CHECK (seats > 0),
  seats_basis text
);

-- A deputy's mandate. Half-open: the deputy holds the mandate on day d iff
-- term_start <= d AND (term_end IS NULL OR d < term_end); term_end is the first day without it.
CREATE TABLE deputies (
  id           text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$'),
  maslikhat_id text NOT NULL REFERENCES maslikhats (id),
  person_id    text NOT NULL,
  full_name    text NOT NULL CHECK (length(full_name) > 0),
  term_start   date NOT NULL,
  term_end     date,
  end_reason   text,
  CHECK (term_end IS NULL OR term_end > term_start)
);
CREATE INDEX deputies_maslikhat ON deputies (maslikhat_id, term_start);

CREATE TABLE akim_posts (
  id       text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$'),
  unit_id  text NOT NULL UNIQUE REFERENCES admin_units (id),
  title_kk text NOT NULL CHECK (length(title_kk) > 0),
  title_ru text NOT NULL CHECK (length(title_ru) > 0)
);

-- Incumbents of an akim post, half-open [term_start, term_end) like deputies.
CREATE TABLE akim_incumbents (
  id         text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$'),
  post_id    text NOT NULL REFERENCES akim_posts (id),
  person_id  text NOT NULL,
  full_name  text NOT NULL CHECK (length(full_name) > 0),
  term_start date NOT NULL,
  term_end   date,
  basis      text,
  CHECK (term_end IS NULL OR term_end > term_start)
);
CREATE INDEX akim_incumbents_post ON akim_incumbents (post_id, term_start);

-- The worker only reads registers; imports run as the owner (an administrative operation).
GRANT SELECT ON admin_units, maslikhats, deputies, akim_posts, akim_incumbents TO tartip_worker;

-- Down Migration

REVOKE ALL ON admin_units, maslikhats, deputies, akim_posts, akim_incumbents FROM tartip_worker;
DROP TABLE akim_incumbents;
DROP TABLE akim_posts;
DROP TABLE deputies;
DROP TABLE maslikhats;
DROP TABLE admin_units;
-- The role tartip_worker is cluster-global and may serve other databases: it is not dropped.
