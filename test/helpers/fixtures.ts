// Test data, written straight into the test database through the app's own domain code.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createSchool } from "@/lib/platform/schools";
import { createPlatformUser, createSchoolUser } from "@/lib/users/create-user";
import { post, tenantHost } from "./api";

export const PASSWORD = "correct horse battery";

export const unique = (prefix = "t") => `${prefix}${randomBytes(4).toString("hex")}`;

let pool: pg.Pool | undefined;
/** Direct SQL as the owner role, for asserting what the database holds. */
export function sql(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  return pool;
}

export async function makeTenant(options: { domains?: string[]; name?: string } = {}) {
  const slug = unique("school-");
  const tenant = await createSchool({ school: { name: options.name ?? `School ${slug}`, slug, domains: options.domains } });
  return { ...tenant, host: tenantHost(slug) };
}

export async function makePlatformUser(role: "superadmin" | "platform_admin" | "support" = "superadmin", extra: { phone?: string } = {}) {
  const email = `${unique("admin")}@example.org`;
  const user = await createPlatformUser({
    email,
    phone: extra.phone ?? null,
    password: PASSWORD,
    fullName: "Test Admin",
    platformRole: role,
  });
  return { ...user, email, password: PASSWORD };
}

export async function makeSchoolUser(clientId: string, roleNames: string[] = ["Admin"], extra: { phone?: string } = {}) {
  const email = `${unique("staff")}@example.org`;
  const user = await createSchoolUser(clientId, {
    email,
    phone: extra.phone ?? null,
    password: PASSWORD,
    fullName: "Test Staff",
    roleNames,
  });
  return { ...user, email, password: PASSWORD };
}

/** A random valid US number in E.164 and national formats. */
export function randomPhone(): { e164: string; national: string } {
  const line = String(Math.floor(Math.random() * 9000) + 1000);
  const exchange = String(Math.floor(Math.random() * 700) + 200);
  return { e164: `+1415${exchange}${line}`, national: `(415) ${exchange}-${line}` };
}

export async function systemLogin(identifier: string, password = PASSWORD) {
  const res = await post("/api/v1/system/auth/login/", { identifier, password });
  if (res.status !== 200) throw new Error(`system login failed: ${res.status} ${res.text}`);
  return res.body as { access: string; refresh: string; user: any };
}

export async function schoolLogin(host: string, identifier: string, password = PASSWORD) {
  const res = await post("/api/v1/school/auth/login/", { identifier, password }, { host });
  if (res.status !== 200) throw new Error(`school login failed: ${res.status} ${res.text}`);
  return res.body as { access: string; refresh: string; user: any; tenant: any; roles: any[]; permissions: string[] };
}
