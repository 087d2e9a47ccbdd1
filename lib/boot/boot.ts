// Start-up, shared by the HTTP server, the CLI and the tests: configuration, database (embedded
// when DATABASE_URL is unset), migrations, signing key, bootstrap superuser, demo data.
import { populateDemoSchool } from "@/lib/boot/demo-school";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { log } from "@/lib/log";
import { resolveDatabaseUrl } from "@/lib/db/database-url";
import { migrate } from "@/lib/db/migrate";
import { prisma } from "@/lib/db/client";
import { ensureSigningKey } from "@/lib/auth/signing-keys";
import { pruneExpiredThrottles } from "@/lib/auth/login-throttle";
import { createPlatformUser, createSchoolUser } from "@/lib/users/create-user";
import { createSchool } from "@/lib/platform/schools";

export interface DemoCredentials {
  platform: { url: string; email: string; password: string } | null;
  school: { url: string; slug: string; email: string; password: string } | null;
}

export async function prepareDatabase(): Promise<string> {
  env(); // fail first, and clearly, on bad configuration
  const url = await resolveDatabaseUrl();
  const result = await migrate(url);
  if (result.applied.length) log.info({ applied: result.applied }, "migrations applied");
  return url;
}

/** Creates the superuser named by SMS_SUPERUSER_EMAIL unless a user already has that email. */
export async function ensureBootstrapSuperuser(email: string, password: string): Promise<boolean> {
  const normalized = email.trim().toLowerCase();
  if (await prisma.user.findUnique({ where: { email: normalized }, select: { id: true } })) return false;
  try {
    await createPlatformUser({ email: normalized, password, fullName: "Administrator", platformRole: "superadmin" });
    log.info({ email: normalized }, "bootstrap superuser created");
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return false; // another instance created it
    throw error;
  }
}

const DEMO_SLUG = "greenwood";

function password(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * Demo data for a first look: a platform admin (unless SMS_SUPERUSER_* names one) and the school
 * "Greenwood" with an Admin, teachers, classes and students (lib/boot/demo-school.ts). Generated passwords are kept in SMS_DATA_DIR/demo-credentials.json
 * (mode 0600) so every start can print them; nothing is created if the data already exists.
 */
async function ensureDemo(port: number): Promise<DemoCredentials> {
  const file = path.join(env().SMS_DATA_DIR, "demo-credentials.json");
  const saved: DemoCredentials = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : { platform: null, school: null };
  const root = env().SMS_ROOT_DOMAIN;
  if (!env().SMS_SUPERUSER_EMAIL && !saved.platform && (await prisma.user.count({ where: { clientId: null } })) === 0) {
    const creds = {
      url: `http://${root}:${port}/console`,
      email: `admin@${root === "localhost" ? "example.org" : root}`,
      password: password(),
    };
    await createPlatformUser({ email: creds.email, password: creds.password, fullName: "Platform Admin", platformRole: "superadmin" });
    saved.platform = creds;
  }
  if (!saved.school && !(await prisma.client.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } }))) {
    const school = await createSchool({ school: { name: "Greenwood High School", slug: DEMO_SLUG } });
    const creds = {
      url: `http://${DEMO_SLUG}.${root}:${port}/`,
      slug: DEMO_SLUG,
      email: "head@greenwood.example.org",
      password: password(),
    };
    const head = await createSchoolUser(school.id, {
      email: creds.email,
      password: creds.password,
      fullName: "Grace Head",
      roleNames: ["Admin"],
    });
    await populateDemoSchool({ schoolId: school.id, headId: head.id, domain: "greenwood.example.org" });
    saved.school = creds;
  }
  await writeFile(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  return saved;
}

export async function boot(options: { port?: number } = {}): Promise<{ databaseUrl: string; demo: DemoCredentials | null }> {
  const databaseUrl = await prepareDatabase();
  await ensureSigningKey();
  const { SMS_SUPERUSER_EMAIL, SMS_SUPERUSER_PASSWORD, SMS_DEMO } = env();
  if (SMS_SUPERUSER_EMAIL && SMS_SUPERUSER_PASSWORD) await ensureBootstrapSuperuser(SMS_SUPERUSER_EMAIL, SMS_SUPERUSER_PASSWORD);
  const demo = SMS_DEMO ? await ensureDemo(options.port ?? env().PORT) : null;
  await pruneExpiredThrottles();
  return { databaseUrl, demo };
}
