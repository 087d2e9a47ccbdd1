// Encryption at rest for JWT private keys: AES-256-GCM under SMS_SECRET_KEY, or, when that is
// not set, under a random key generated once into SMS_DATA_DIR/secret.key (mode 0600) — fine for
// one machine; several machines sharing a database must share SMS_SECRET_KEY.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cachedKey: Buffer | undefined;

function masterKey(): Buffer {
  if (cachedKey) return cachedKey;
  let secret = env().SMS_SECRET_KEY;
  if (!secret) {
    const file = path.join(env().SMS_DATA_DIR, "secret.key");
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      try {
        writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // another process won the race
      }
    }
    secret = readFileSync(file, "utf8").trim();
  }
  cachedKey = createHash("sha256").update(secret).digest();
  return cachedKey;
}

export function seal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", masterKey(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function open(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unrecognised sealed value");
  const decipher = createDecipheriv("aes-256-gcm", masterKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("Cannot decrypt the JWT signing key: SMS_SECRET_KEY differs from the one that encrypted it");
  }
}

/** A secret for another purpose (e.g. the console's cookie encryption), derived from the master key. */
export function derivedSecret(purpose: string): string {
  return Buffer.from(hkdfSync("sha256", masterKey(), Buffer.alloc(0), `sms:${purpose}`, 32)).toString("base64url");
}
