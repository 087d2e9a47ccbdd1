// JWT signing keys (ES256), kept in the database so every instance signs and verifies with the
// same set.
//
// Rotation publishes before it signs: a new key appears in the JWK Set at once, but starts signing
// only after a lead time longer than any instance's key-ring cache, so no verifier — another
// instance, or an outside service reading the JWK Set — meets a `kid` it has not seen published.
// The outgoing key signs until then, and keeps verifying (and stays published) until every token
// it could have signed has expired.
import { randomBytes } from "node:crypto";
import { exportJWK, exportPKCS8, generateKeyPair, importJWK, importPKCS8, type JWK, type CryptoKey } from "jose";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { open, seal } from "@/lib/auth/secret-box";

export const JWT_ALG = "ES256";

interface KeyRow {
  kid: string;
  publicJwk: unknown;
  privateKeyEnc: string;
  createdAt: Date;
  retiredAt: Date | null;
}

interface KeyRing {
  rows: KeyRow[];
  verifying: Map<string, CryptoKey>;
  jwks: { keys: JWK[] };
  loadedAt: number;
}

// How long a process trusts its copy of the ring before re-reading it (SMS_KEY_RING_TTL), and the
// least time between re-reads forced by an unknown `kid` (so forged kids cannot turn into a query
// per request). A rotated-in key signs only after ring TTL + 10 s.
const ringTtlMs = () => env().SMS_KEY_RING_TTL * 1000;
export const publishLeadMs = () => ringTtlMs() + 10_000;
const UNKNOWN_KID_RELOAD_MS = 5_000;

let ring: Promise<KeyRing> | undefined;
let lastForcedReload = 0;
const privateKeys = new Map<string, Promise<CryptoKey>>();

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

async function loadRing(): Promise<KeyRing> {
  const rows = await prisma.signingKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: verifyHorizon() } }] },
    orderBy: { createdAt: "desc" },
    select: { kid: true, publicJwk: true, privateKeyEnc: true, createdAt: true, retiredAt: true },
  });
  const verifying = new Map<string, CryptoKey>();
  const jwks: JWK[] = [];
  for (const row of rows) {
    const jwk = row.publicJwk as JWK;
    verifying.set(row.kid, (await importJWK(jwk, JWT_ALG)) as CryptoKey);
    jwks.push(jwk);
  }
  return { rows, verifying, jwks: { keys: jwks }, loadedAt: Date.now() };
}

async function currentRing(): Promise<KeyRing> {
  if (ring) {
    const loaded = await ring.catch(() => undefined);
    if (loaded && Date.now() - loaded.loadedAt < ringTtlMs()) return loaded;
  }
  ring = loadRing();
  return ring;
}

/** The key that signs now: the newest live key published long enough, else the oldest live one. */
function signerOf(rows: KeyRow[], now = Date.now()): KeyRow | undefined {
  const live = rows.filter((r) => !r.retiredAt || r.retiredAt.getTime() > now);
  const published = live.filter((r) => r.createdAt.getTime() <= now - publishLeadMs());
  return published[0] ?? live[live.length - 1];
}

export async function signingKey(): Promise<{ kid: string; key: CryptoKey }> {
  const row = signerOf((await currentRing()).rows);
  if (!row) throw new Error("No JWT signing key: start-up did not run ensureSigningKey()");
  let key = privateKeys.get(row.kid);
  if (!key) {
    key = Promise.resolve().then(() => importPKCS8(open(row.privateKeyEnc), JWT_ALG));
    key.catch(() => privateKeys.delete(row.kid));
    privateKeys.set(row.kid, key);
  }
  return { kid: row.kid, key: await key };
}

/**
 * Makes sure a signing key exists (first start) and that this instance can decrypt it — a
 * different SMS_SECRET_KEY must stop start-up, not fail every login later. Safe when several
 * instances start at once.
 */
export async function ensureSigningKey(): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727002)`;
    const live = await tx.signingKey.count({ where: { OR: [{ retiredAt: null }, { retiredAt: { gt: new Date() } }] } });
    if (live === 0) await tx.signingKey.create({ data: await newKeyRow() });
  });
  ring = undefined;
  await signingKey();
}

/** Publishes a new key now; it starts signing after the lead time. Returns its kid and that moment. */
export async function rotateSigningKey(): Promise<{ kid: string; signsFrom: Date }> {
  const row = await newKeyRow();
  const signsFrom = new Date(Date.now() + publishLeadMs());
  await prisma.$transaction([
    prisma.signingKey.updateMany({
      where: { OR: [{ retiredAt: null }, { retiredAt: { gt: signsFrom } }] },
      data: { retiredAt: signsFrom },
    }),
    prisma.signingKey.create({ data: row }),
  ]);
  ring = undefined;
  return { kid: row.kid, signsFrom };
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
