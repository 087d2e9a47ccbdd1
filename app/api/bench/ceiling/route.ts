// GET /api/bench/ceiling — benchmark only (404 unless SMS_BENCH=1): jose verify + one query, no pipeline
//
// Deliberately outside endpoint()/publicRoute: it measures what Next.js alone costs around the
// minimal handler (see lib/bench/ceiling.ts). test/route-files.test.ts excludes this one file.
import { ceilingResponse } from "@/lib/bench/ceiling";

export async function GET(request: Request): Promise<Response> {
  return ceilingResponse(request);
}
