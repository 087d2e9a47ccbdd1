// The API key format: `sms_<id>_<secret><check>`.
//
//   sms_         recognisable (secret scanners, log greps, humans)
//   <id>         12 base62 characters, unique: the visible prefix `sms_<id>` finds the row
//   <secret>     32 base62 characters from the CSPRNG (~190 bits)
//   <check>      6 base62 characters of CRC-32 over everything before it, so a mistyped or
//                truncated key is refused without a database round trip
//
// Only SHA-256 of the whole key is stored; with this much entropy a slow hash adds nothing.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ID_LENGTH = 12;
const SECRET_LENGTH = 32;
const CHECK_LENGTH = 6;
export const KEY_PATTERN = /^sms_([0-9A-Za-z]{12})_([0-9A-Za-z]{38})$/;

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62]; // 248 = 4 × 62: no modulo bias
    }
  }
  return out;
}

function base62(value: number, length: number): string {
  let out = "";
  let n = value >>> 0;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

function checksum(body: string): string {
  return base62(crc32(body), CHECK_LENGTH);
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateKey(): { key: string; prefix: string; hash: string } {
  const prefix = `sms_${randomBase62(ID_LENGTH)}`;
  const body = `${prefix}_${randomBase62(SECRET_LENGTH)}`;
  const key = body + checksum(body);
  return { key, prefix, hash: hashKey(key) };
}

/** The prefix of a well-formed key whose checksum matches; null otherwise. */
export function parseKey(key: string): { prefix: string } | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const body = key.slice(0, key.length - CHECK_LENGTH);
  if (checksum(body) !== key.slice(-CHECK_LENGTH)) return null;
  return { prefix: `sms_${match[1]}` };
}

export function hashesMatch(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
