// What the test suite observes, for the check that the OpenAPI document names every status an
// operation can answer (test/after-suite/openapi-statuses.test.ts). Only when
// SMS_RECORD_STATUSES names a file — the test run sets it; production never does.
import { appendFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";

export function recordStatuses(file: string | undefined): ((req: IncomingMessage, res: ServerResponse, pathname: string) => void) | null {
  if (!file) return null;
  return (req, res, pathname) => {
    const { method } = req;
    const host = req.headers.host ?? "";
    res.once("finish", () => {
      // One short line per answer: appends this small are not interleaved between processes.
      appendFileSync(file, `${JSON.stringify({ method, path: pathname, host, status: res.statusCode })}\n`);
    });
  };
}
