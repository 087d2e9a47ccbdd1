-- Tenant isolation in the database itself (hand-written: Prisma does not model these).
--
-- Tenant-scoped requests run inside a transaction that does
--   SET LOCAL ROLE sms_tenant; SET LOCAL app.client_id = '<tenant uuid>';
-- (lib/db/tenant-scope.ts). `sms_tenant` owns nothing and cannot bypass row-level security, so
-- every row it reads or writes must carry the current tenant's client_id. Without a tenant in
-- the context it sees no tenant rows at all. Platform code runs as the owner role, which RLS
-- does not restrict (policies are not FORCEd), and never trusts a tenant id from a client.

-- Roles belong to the whole cluster, not to this database: two databases of one cluster migrating
-- at once (parallel test runs) can both find the role missing, so losing that race is fine.
DO $$
BEGIN
  BEGIN
    CREATE ROLE sms_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
  END;
  -- The application's login role must be able to SET ROLE to it (a no-op for superusers).
  IF NOT pg_has_role(current_user, 'sms_tenant', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT sms_tenant TO %I', current_user);
    EXCEPTION WHEN unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION app_current_client() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.client_id', true), '')::uuid $$;

GRANT USAGE ON SCHEMA public TO sms_tenant;
GRANT EXECUTE ON FUNCTION app_current_client() TO sms_tenant;

-- A tenant may read its own client row (name, slug), nothing else of the platform.
GRANT SELECT ON "clients" TO sms_tenant;
ALTER TABLE "clients" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "clients" USING ("id" = app_current_client());

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['client_domains', 'users', 'teacher_profiles', 'school_roles',
                           'user_role_assignments', 'refresh_families', 'refresh_tokens',
                           'api_keys', 'audit_events']
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO sms_tenant', t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (client_id = app_current_client()) '
                   'WITH CHECK (client_id = app_current_client())', t);
  END LOOP;
END
$$;

-- Invariants of API.md §3 that no code path may break.
ALTER TABLE "users" ADD CONSTRAINT users_email_or_phone CHECK (email IS NOT NULL OR phone IS NOT NULL);
ALTER TABLE "users" ADD CONSTRAINT users_platform_role_iff_no_client
  CHECK ((client_id IS NULL) = (platform_role IS NOT NULL));
ALTER TABLE "users" ADD CONSTRAINT users_email_lower CHECK (email = lower(email));
ALTER TABLE "client_domains" ADD CONSTRAINT client_domains_lower CHECK (domain = lower(domain));
ALTER TABLE "refresh_families" ADD CONSTRAINT refresh_families_audience_tenant
  CHECK ((audience = 'school') = (client_id IS NOT NULL));
