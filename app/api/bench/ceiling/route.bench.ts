// GET /api/bench/ceiling — benchmark build only: jose verify + one query, no pipeline
//
// Not a route of the product: Next.js treats `route.bench.ts` as a route only in the benchmark's
// own build (SMS_BENCH_BUILD=1 in next.config.mjs, built by bench/run.mjs into .next-bench).
// Deliberately outside endpoint()/publicRoute: it measures what Next.js alone costs around the
// minimal handler (see bench/ceiling/ceiling.ts; test/bench-routes.test.ts checks both).
import { ceilingResponse } from "@/bench/ceiling/ceiling";

export async function GET(request: Request): Promise<Response> {
  return ceilingResponse(request);
}
