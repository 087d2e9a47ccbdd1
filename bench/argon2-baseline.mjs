// The ceiling for login (npm run bench): argon2id verifications per second with the app's own
// parameters (lib/auth/password.ts ARGON2_OPTIONS), on all cores — @node-rs/argon2 runs each
// verification on libuv's thread pool, so `2 × cores` verifications in flight keep every core busy
// (run with UV_THREADPOOL_SIZE ≥ cores). Prints one JSON line.
//
// usage: node --import tsx bench/argon2-baseline.mjs <seconds>
import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { ARGON2_OPTIONS } from "../lib/credentials/password.ts";

const seconds = Number(process.argv[2] || 10);
const password = "scale-bench-password";
const encoded = await hash(password, ARGON2_OPTIONS);
const inFlight = availableParallelism() * 2;
// Warm the thread pool up for half a second, then count for `seconds`.
let counting = false;
let count = 0;
const latencies = [];
const deadline = performance.now() + 500 + seconds * 1000;
setTimeout(() => {
  counting = true;
}, 500);
const started = performance.now() + 500;
async function loop() {
  while (performance.now() < deadline) {
    const t0 = performance.now();
    if (!(await verify(encoded, password))) throw new Error("argon2 verify failed");
    if (counting) {
      count++;
      latencies.push(performance.now() - t0);
    }
  }
}
await Promise.all(Array.from({ length: inFlight }, loop));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(
  JSON.stringify({ perSecond: count / elapsed, count, seconds: elapsed, inFlight, p50: pct(50), p99: pct(99), options: ARGON2_OPTIONS }),
);
