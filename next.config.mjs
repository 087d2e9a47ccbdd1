// `npm run bench` builds the app a second time, with its ceiling routes, into a folder of its own:
// with SMS_BENCH_BUILD=1, files named `route.bench.ts` (app/api/bench/*) are routes too, and the
// build goes to .next-bench — so the product's build (.next) never holds them, and the product's
// server never serves that build. The benchmark's server runs with the same variable, which is how
// it finds .next-bench. Everything else is the same configuration.
const BENCH_BUILD = process.env.SMS_BENCH_BUILD === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // API paths with and without a trailing slash are the same resource (the REST contract §1); the server
  // (scripts/server.ts) normalises them, and Next.js must not redirect either form.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // Native modules and the database driver stay plain Node requires.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pino", "@prisma/adapter-pg"],
  typedRoutes: false,
  ...(BENCH_BUILD && {
    // Next.js's default extensions, and the benchmark's routes.
    pageExtensions: ["tsx", "ts", "jsx", "js", "bench.ts"],
    distDir: ".next-bench",
    typescript: {
      // A tsconfig that only extends tsconfig.json: `next build` adds its distDir's type folders to
      // the tsconfig it is given unless that one `extends` another, and tsconfig.json must not
      // change. No type check in this build: `npm run typecheck` and the product's build do it.
      tsconfigPath: "bench/tsconfig.next-build.json",
      ignoreBuildErrors: true,
    },
  }),
};

export default nextConfig;
