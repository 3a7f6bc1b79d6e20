-- At least one active admin always remains (the backstop of lib/users/manage.ts, which locks the active admins
-- and refuses with a message first). A change that takes the last active admin's role or active flag away, or
-- deletes them, fails. The advisory lock serializes such changes, and under READ COMMITTED the count after it
-- sees what a concurrent change committed: two admins demoting each other at once cannot both pass.
CREATE OR REPLACE FUNCTION "keep_an_active_admin"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('atelier.active_admins'));
  IF NOT EXISTS (SELECT 1 FROM "users" WHERE "role" = 'ADMIN' AND "active") THEN
    RAISE EXCEPTION 'At least one active admin must remain' USING ERRCODE = 'check_violation', CONSTRAINT = 'users_keep_an_active_admin';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS "users_keep_an_active_admin_update" ON "users";
CREATE TRIGGER "users_keep_an_active_admin_update"
  AFTER UPDATE OF "role", "active" ON "users"
  FOR EACH ROW WHEN (OLD."role" = 'ADMIN' AND OLD."active" AND NOT (NEW."role" = 'ADMIN' AND NEW."active"))
  EXECUTE FUNCTION "keep_an_active_admin"();

DROP TRIGGER IF EXISTS "users_keep_an_active_admin_delete" ON "users";
CREATE TRIGGER "users_keep_an_active_admin_delete"
  AFTER DELETE ON "users"
  FOR EACH ROW WHEN (OLD."role" = 'ADMIN' AND OLD."active")
  EXECUTE FUNCTION "keep_an_active_admin"();
