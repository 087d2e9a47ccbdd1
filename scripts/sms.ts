// `npm run sms -- <command>`: operations from the command line.
//
//   migrate                         apply pending migrations (also: npm run db:migrate)
//   createsuperuser [--email E] [--phone P] [--password X] [--full-name N]
//                                   create a superadmin; defaults to SMS_SUPERUSER_EMAIL/PASSWORD
//   rotate-keys                     start signing JWTs with a new key (old tokens stay valid)
import { parseArgs } from "node:util";
import "./load-env";
import { prepareDatabase, ensureBootstrapSuperuser } from "@/lib/boot/boot";
import { closeDb, prisma } from "@/lib/db/client";
import { stopEmbeddedDatabase } from "@/lib/db/database-url";
import { EnvError, env } from "@/lib/env";
import { ensureSigningKey, rotateSigningKey } from "@/lib/auth/signing-keys";
import { createPlatformUser } from "@/lib/users/create-user";
import { EmailField, PhoneField } from "@/lib/auth/identifier";
import { NewPassword } from "@/lib/auth/password";

const USAGE = "usage: npm run sms -- <migrate | createsuperuser [--email E] [--phone P] [--password X] [--full-name N] | rotate-keys>";

async function createSuperuser(argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: "string" }, phone: { type: "string" }, password: { type: "string" }, "full-name": { type: "string" } },
  });
  const email = values.email ?? (values.phone ? undefined : env().SMS_SUPERUSER_EMAIL);
  const password = values.password ?? env().SMS_SUPERUSER_PASSWORD;
  if (!email && !values.phone) throw new Error("give --email or --phone (or set SMS_SUPERUSER_EMAIL)");
  if (!password) throw new Error("give --password (or set SMS_SUPERUSER_PASSWORD)");
  const checked = NewPassword().safeParse(password);
  if (!checked.success) throw new Error(`password: ${checked.error.issues[0].message}`);
  if (email && !values.phone && !values["full-name"]) {
    const created = await ensureBootstrapSuperuser(EmailField.parse(email), password);
    return created ? `Superuser ${email} created.` : `A user with email ${email} already exists; nothing changed.`;
  }
  const user = await createPlatformUser({
    email: email ? EmailField.parse(email) : null,
    phone: values.phone ? PhoneField.parse(values.phone) : null,
    password,
    fullName: values["full-name"] ?? "Administrator",
    platformRole: "superadmin",
  });
  return `Superuser ${user.email ?? user.phone} created.`;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  await prepareDatabase();
  switch (command) {
    case "migrate":
      console.log("Database schema is up to date.");
      return 0;
    case "createsuperuser":
      console.log(await createSuperuser(rest));
      return 0;
    case "rotate-keys": {
      await ensureSigningKey();
      const kid = await rotateSigningKey();
      const live = await prisma.signingKey.count();
      console.log(`Now signing with key ${kid}. Tokens signed by earlier keys stay valid until they expire (${live} keys published).`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main()
  .then(async (code) => { await closeDb(); await stopEmbeddedDatabase(); process.exit(code); })
  .catch(async (error) => {
    const message = error instanceof EnvError ? error.message : `sms: ${(error as { code?: string }).code === "P2002" ? "that email or phone is already in use" : (error as Error).message}`;
    console.error(message);
    await closeDb().catch(() => undefined);
    await stopEmbeddedDatabase().catch(() => undefined);
    process.exit(1);
  });
