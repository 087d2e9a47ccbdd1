// `npm run sms -- <command>`: operations from the command line.
//
//   migrate                         apply pending migrations (also: npm run db:migrate)
//   createsuperuser [--email E] [--phone P] [--password X] [--full-name N]
//                                   create a superadmin; defaults to SMS_SUPERUSER_EMAIL/PASSWORD
//   rotate-keys                     start signing JWTs with a new key (old tokens stay valid)
//   seed-scale [--tenants N] [--users N] [--students N]
//                                   benchmark data at school-district scale (bench/seed-scale.ts):
//                                   resumable, so re-running continues where it stopped
import { parseArgs } from "node:util";
import "./load-env";
import { prepareDatabase, ensureBootstrapSuperuser } from "@/lib/boot/boot";
import { closeDb, prisma } from "@/lib/db/client";
import { stopEmbeddedDatabase } from "@/lib/db/database-url";
import { EnvError, env, inputRules } from "@/lib/env";
import { ensureSigningKey, rotateSigningKey } from "@/lib/auth/signing-keys";
import { createPlatformUser } from "@/lib/users/create-user";
import { EmailField, NewPassword, PhoneField } from "@/lib/credentials/rules";
import { pool } from "@/lib/db/client";
import type { ScaleCounts } from "../bench/seed-scale";

const USAGE =
  "usage: npm run sms -- <migrate | createsuperuser [--email E] [--phone P] [--password X] [--full-name N] | rotate-keys | seed-scale [--tenants N] [--users N] [--students N]>";

interface SuperuserInput {
  email: string | null;
  phone: string | null;
  password: string;
  fullName: string | null;
}

function fieldValue<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
  value: string,
  name: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** Reads and checks the arguments before anything touches the database. */
function superuserInput(argv: string[]): SuperuserInput {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: "string" }, phone: { type: "string" }, password: { type: "string" }, "full-name": { type: "string" } },
  });
  const email = values.email ?? (values.phone ? undefined : env().SMS_SUPERUSER_EMAIL);
  const password = values.password ?? env().SMS_SUPERUSER_PASSWORD;
  if (!email && !values.phone) throw new Error("give --email or --phone (or set SMS_SUPERUSER_EMAIL)");
  if (!password) throw new Error("give --password (or set SMS_SUPERUSER_PASSWORD)");
  return {
    email: email ? fieldValue(EmailField, email, "email") : null,
    phone: values.phone ? fieldValue(PhoneField(inputRules()), values.phone, "phone") : null,
    password: fieldValue(NewPassword(inputRules()), password, "password"),
    fullName: values["full-name"] ?? null,
  };
}

async function createSuperuser(input: SuperuserInput): Promise<string> {
  if (input.email && !input.phone && !input.fullName) {
    const created = await ensureBootstrapSuperuser(input.email, input.password);
    return created ? `Superuser ${input.email} created.` : `A user with email ${input.email} already exists; nothing changed.`;
  }
  const user = await createPlatformUser({
    email: input.email,
    phone: input.phone,
    password: input.password,
    fullName: input.fullName ?? "Administrator",
    platformRole: "superadmin",
  });
  return `Superuser ${user.email ?? user.phone} created.`;
}

/** Reads the counts of seed-scale (defaults: the district of the benchmark issue). */
function scaleInput(argv: string[]): ScaleCounts {
  const { values } = parseArgs({
    args: argv,
    options: {
      tenants: { type: "string", default: "10000" },
      users: { type: "string", default: "300000" },
      students: { type: "string", default: "1000000" },
    },
  });
  const count = (name: keyof ScaleCounts) => {
    const text = values[name]!.replace(/_/g, "");
    if (!/^\d+$/.test(text)) throw new Error(`--${name}: a whole number, e.g. 10000`);
    return Number(text);
  };
  return { tenants: count("tenants"), users: count("users"), students: count("students") };
}

async function seedScaleCommand(counts: ScaleCounts): Promise<void> {
  // Loaded here: the seeding code and its progress bar (a dev dependency) are for benchmarks only.
  const [{ seedScale, SCALE_PASSWORD }, { default: cliProgress }] = await Promise.all([
    import("../bench/seed-scale"),
    import("cli-progress"),
  ]);
  let bar: InstanceType<typeof cliProgress.SingleBar> | undefined;
  let phase = "";
  let phaseStarted = 0;
  const report = await seedScale(pool(), counts, {
    start(name, total, done) {
      phase = name;
      phaseStarted = performance.now();
      if (done) console.log(`${name}: ${done} of ${total} already there`);
      bar = new cliProgress.SingleBar(
        {
          format: `${name.padEnd(8)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted}`,
          etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done);
    },
    advance(rows) {
      bar?.increment(rows);
    },
    stop() {
      bar?.stop();
      if (!process.stdout.isTTY) console.log(`${phase}: done in ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`);
    },
  });
  for (const p of report.phases)
    console.log(`  ${p.name.padEnd(15)} ${String(p.rows).padStart(9)} rows (${p.skipped} already there) in ${p.seconds.toFixed(1)} s`);
  console.log(
    `Scale data ready in ${report.seconds.toFixed(1)} s: ${counts.tenants} schools, ${counts.users} staff (password "${SCALE_PASSWORD}"), ${counts.students} students.`,
  );
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (!["migrate", "createsuperuser", "rotate-keys", "seed-scale"].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const superuser = command === "createsuperuser" ? superuserInput(rest) : null;
  const scale = command === "seed-scale" ? scaleInput(rest) : null;
  await prepareDatabase();
  switch (command) {
    case "migrate":
      console.log("Database schema is up to date.");
      return 0;
    case "createsuperuser":
      console.log(await createSuperuser(superuser!));
      return 0;
    case "rotate-keys": {
      await ensureSigningKey();
      const { kid, signsFrom } = await rotateSigningKey();
      const live = await prisma.signingKey.count();
      console.log(
        `Key ${kid} is published now and signs new tokens from ${signsFrom.toISOString()}. Tokens signed by earlier keys stay valid until they expire (${live} keys stored).`,
      );
      return 0;
    }
    case "seed-scale":
      await seedScaleCommand(scale!);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

main()
  .then(async (code) => {
    await closeDb();
    await stopEmbeddedDatabase();
    process.exit(code);
  })
  .catch(async (error) => {
    const message = error instanceof EnvError ? error.message : `sms: ${(error as Error).message}`;
    console.error(message);
    await closeDb().catch(() => undefined);
    await stopEmbeddedDatabase().catch(() => undefined);
    process.exit(1);
  });
