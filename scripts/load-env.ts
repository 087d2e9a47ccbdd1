// Loads .env, .env.local, .env.<mode>(.local) the way Next.js does, before anything reads the
// configuration — so the boot code, the CLI and the route handlers all see the same values.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.argv[2] === "dev", { info: () => undefined, error: console.error });
