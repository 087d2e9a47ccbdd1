// Is the production build (.next) older than the sources? Used by `npm start` and `npm test`
// so that a fresh clone (or an edited tree) gets built before it is served. `npm run bench` asks
// the same of its own build (distDir .next-bench, with the benchmark's sources as well).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "middleware.ts",
  "next.config.mjs",
  "package.json",
  "postcss.config.mjs",
  "prisma/schema.prisma",
];
const SKIP = new Set(["node_modules", "generated", ".next"]);

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (SKIP.has(entry)) continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

/**
 * @param {string} [root]
 * @param {{ distDir?: string, extraSources?: string[] }} [options] the build's folder (as
 *   next.config.mjs sets it) and sources beyond the product's, relative to `root`
 */
export function buildIsStale(root = process.cwd(), { distDir = ".next", extraSources = [] } = {}) {
  const marker = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return [...SOURCES, ...extraSources].some((s) => newest(path.join(root, s)) > built);
}
