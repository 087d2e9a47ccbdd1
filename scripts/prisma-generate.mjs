// Generates the Prisma client into lib/generated/prisma (runs on `npm install`).
//
// Why a wrapper: the Prisma CLI downloads its schema engine at the start of every command, and
// that host is unreachable on our machines. `generate` does not need the engine, so pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any executable lets it run offline.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || "/bin/false",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
