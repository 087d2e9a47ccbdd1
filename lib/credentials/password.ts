// Password hashing: argon2id with OWASP's parameters (m=19 MiB, t=2, p=1).
import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import pLimit from "p-limit";

// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// At most one hash per core at a time. Each takes 19 MiB while it runs, and more hashes than cores
// only take turns on the same cores: at 20 logins in flight, libuv's four threads hashing at once
// pushed the server past 400 MB without logging anyone in faster (bench/RESULTS.md).
const hashing = pLimit(Math.max(1, availableParallelism()));

export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password, ARGON2_OPTIONS));
}

// Verifying against this when the user does not exist makes an unknown identifier cost the same
// time as a known one, so response time does not reveal which accounts exist. A constant (made
// with ARGON2_OPTIONS), so even the first unknown login of a process pays no extra hashing.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$NuDP25yP0oFgYWXWLrOe5g$/9EUKa4AxOK4ADMoEyec9kYPgJgADqRlVQ3NVo+gkY8";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    await hashing(() => verify(DUMMY_HASH, password)).catch(() => false);
    return false;
  }
  return hashing(() => verify(passwordHash, password)).catch(() => false);
}
