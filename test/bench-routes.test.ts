// The benchmark's ceiling routes (lib/bench/ceiling.ts) do not exist for a server started
// without SMS_BENCH=1 — as every real one is: a plain 404, whatever the credentials.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { get } from "./helpers/api";

describe("benchmark routes", () => {
  for (const path of ["/api/bench/ceiling", "/api/bench/ceiling-public", "/api/bench/ceiling/"]) {
    it(`GET ${path} is 404 without SMS_BENCH=1`, async () => {
      const res = await get(path, { headers: { authorization: "Bearer x.y.z" } });
      assert.equal(res.status, 404);
      assert.equal(res.body?.code, "not_found");
    });
  }
});
