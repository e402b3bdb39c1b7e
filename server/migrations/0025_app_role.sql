-- The application's own database role. It reads and writes the business tables but may only
-- INSERT and SELECT the audit tables, and it owns no table: it cannot disable their triggers
-- or drop their functions. Migrations run as the owner (MIGRATION_DATABASE_URL, or the
-- DATABASE_URL user); the application runs every connection as banshi_app (ARCHITECTURE.md).
-- Roles belong to the whole PostgreSQL cluster: databases that share one share the role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'banshi_app') THEN
    BEGIN
      CREATE ROLE banshi_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another database of the cluster created it at the same moment
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'banshi_app', 'MEMBER') THEN
    EXECUTE format('GRANT banshi_app TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'the role banshi_app could not be created (%): the application will run as the migrating user', SQLERRM;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'banshi_app') THEN
    GRANT USAGE ON SCHEMA public TO banshi_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO banshi_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO banshi_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_anchors FROM banshi_app;
    -- tables and sequences that later migrations create
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO banshi_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO banshi_app;
  END IF;
END $$;
