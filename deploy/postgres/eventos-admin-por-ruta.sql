-- Optional index on Keycloak's own ADMIN_EVENT_ENTITY, for a realm of millions of accounts (docs/despliegue.md,
-- "A country's worth of accounts"). Keycloak 26.7.3 indexes admin events only by realm and time
-- (IDX_ADMIN_EVENT_TIME), so the admin console's and REST API's search of admin events by resource path
-- (GET /admin/realms/anses/admin-events?resourcePath=users/<id>, what office staff use to find who changed an account)
-- reads every admin event of the realm inside the time range. Clave SS itself no longer needs it: "Actividad de tu
-- cuenta" reads its own table, ANSES_ACTIVIDAD_OFICINA. With it, a search by an exact path (or a path prefix,
-- users/<id>/*) reads only that account's events.
--
-- CONCURRENTLY: built without blocking the writes of a live system (run it outside a transaction, e.g.
-- psql -d keycloak -f eventos-admin-por-ruta.sql). IF NOT EXISTS: running it twice is harmless. Keycloak's own
-- migrations do not know this index and leave it alone; drop it with
-- DROP INDEX CONCURRENTLY IF EXISTS idx_anses_admin_event_ruta;
-- Tested by ar.gob.anses.clavess.it.PoblacionIndicesPostgresIT (applied to a real Keycloak database; the planner uses it).
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_anses_admin_event_ruta
    ON admin_event_entity (realm_id, resource_path varchar_pattern_ops, admin_event_time);
