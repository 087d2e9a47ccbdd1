// JWT signing keys (ES256), kept in the database so every instance signs and verifies with the
// same set. The newest un-retired key signs; retired keys keep verifying (and stay in the JWK
// Set) until every token they could have signed has expired.
import { randomBytes } from "node:crypto";
import { exportJWK, exportPKCS8, generateKeyPair, importJWK, importPKCS8, type JWK, type CryptoKey } from "jose";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { open, seal } from "@/lib/auth/secret-box";

export const JWT_ALG = "ES256";

interface KeyRing {
  signing: { kid: string; key: CryptoKey };
  verifying: Map<string, CryptoKey>;
  jwks: { keys: JWK[] };
  loadedAt: number;
}

// How long a process trusts its copy of the ring before re-reading it (so a rotation made by the
// CLI or another instance is picked up), and the least time between re-reads forced by an
// unknown `kid` (so forged kids cannot turn into a query per request).
const RING_TTL_MS = 60_000;
const UNKNOWN_KID_RELOAD_MS = 5_000;

let ring: Promise<KeyRing> | undefined;
let lastForcedReload = 0;

/** Keys retired before this moment can no longer have valid tokens. */
function verifyHorizon(): Date {
  const ttl = Math.max(env().SMS_ACCESS_TTL, env().SMS_REFRESH_TTL);
  return new Date(Date.now() - ttl * 1000);
}

async function newKeyRow() {
  const { publicKey, privateKey } = await generateKeyPair(JWT_ALG, { extractable: true });
  const kid = randomBytes(12).toString("base64url");
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: JWT_ALG, use: "sig" };
  return { kid, alg: JWT_ALG, publicJwk: jwk, privateKeyEnc: seal(await exportPKCS8(privateKey)) };
}

/** Makes sure a signing key exists (first start). Safe when several instances start at once. */
export async function ensureSigningKey(): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727002)`;
    const active = await tx.signingKey.count({ where: { retiredAt: null } });
    if (active === 0) await tx.signingKey.create({ data: await newKeyRow() });
  });
}

/** Starts signing with a new key; the old one keeps verifying until its tokens have expired. */
export async function rotateSigningKey(): Promise<string> {
  const row = await newKeyRow();
  await prisma.$transaction([
    prisma.signingKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: new Date() } }),
    prisma.signingKey.create({ data: row }),
  ]);
  ring = undefined;
  return row.kid;
}

async function loadRing(): Promise<KeyRing> {
  const rows = await prisma.signingKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: verifyHorizon() } }] },
    orderBy: { createdAt: "desc" },
    omit: { privateKeyEnc: false },
  });
  const signingRow = rows.find((r) => r.retiredAt === null);
  if (!signingRow) throw new Error("No JWT signing key: start-up did not run ensureSigningKey()");
  const verifying = new Map<string, CryptoKey>();
  const jwks: JWK[] = [];
  for (const row of rows) {
    const jwk = row.publicJwk as JWK;
    verifying.set(row.kid, (await importJWK(jwk, JWT_ALG)) as CryptoKey);
    jwks.push(jwk);
  }
  const signingKey = await importPKCS8(open(signingRow.privateKeyEnc), JWT_ALG);
  return { signing: { kid: signingRow.kid, key: signingKey }, verifying, jwks: { keys: jwks }, loadedAt: Date.now() };
}

async function currentRing(): Promise<KeyRing> {
  if (ring) {
    const loaded = await ring.catch(() => undefined);
    if (loaded && Date.now() - loaded.loadedAt < RING_TTL_MS) return loaded;
  }
  ring = loadRing();
  return ring;
}

export async function signingKey(): Promise<{ kid: string; key: CryptoKey }> {
  return (await currentRing()).signing;
}

/** The public key for `kid`, or null when no live key has that id. */
export async function verificationKey(kid: string): Promise<CryptoKey | null> {
  const found = (await currentRing()).verifying.get(kid);
  if (found) return found;
  if (Date.now() - lastForcedReload < UNKNOWN_KID_RELOAD_MS) return null;
  lastForcedReload = Date.now();
  ring = loadRing();
  return (await ring).verifying.get(kid) ?? null;
}

export async function publicJwks(): Promise<{ keys: JWK[] }> {
  return (await currentRing()).jwks;
}
