// Reads a V8 .cpuprofile (node --cpu-prof) and sums self time per function and per package,
// optionally only over a time window (process.hrtime.bigint() values of the harness: V8's
// profile clock and libuv's hrtime are both CLOCK_MONOTONIC on Linux).
import path from "node:path";

const SPECIAL = new Set(["(idle)", "(program)", "(garbage collector)", "(root)"]);

function where(url, line, root) {
  if (!url) return "";
  let u = url.replace(/^file:\/\//, "");
  if (u.startsWith(root + path.sep)) u = u.slice(root.length + 1);
  return `${u}:${line + 1}`;
}

function packageOf(name, url, root) {
  if (SPECIAL.has(name) && !url) return name;
  if (!url) return "(native / V8)";
  if (url.startsWith("node:")) return "node internals";
  const u = url.replace(/^file:\/\//, "");
  const nm = u.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = u.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (u.includes("/.next/")) {
    // Turbopack names chunks after what they hold: keep the package when the name says it.
    const base = path.basename(u);
    const m = /node_modules_((?:%40|@)?[a-z0-9-]+(?:_[a-z0-9-]+)?)/i.exec(base);
    return m ? `.next chunk: ${m[1]}` : ".next bundle (app + bundled packages)";
  }
  if (u.startsWith(root)) return `app source: ${path.relative(root, u).split(path.sep)[0]}`;
  return "other";
}

export function summarizeProfile(profile, window, root = process.cwd(), topN = 25) {
  const { nodes, samples, timeDeltas, startTime } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const from = window ? Number(window[0] / 1000n) : -Infinity;
  const to = window ? Number(window[1] / 1000n) : Infinity;
  const selfUs = new Map();
  let t = startTime;
  let inWindow = 0;
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i];
    if (t < from || t > to) continue;
    inWindow++;
    const dt = timeDeltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }
  // The window missed (clock mismatch): use the whole profile rather than nothing.
  const windowed = inWindow > 0;
  if (!windowed) return summarizeProfile(profile, null, root, topN);
  const fns = new Map();
  const packages = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { callFrame: f } = byId.get(id);
    const name = f.functionName || "(anonymous)";
    total += us;
    if (name === "(idle)") {
      idle += us;
      continue;
    }
    const key = `${name}\u0000${f.url}\u0000${f.lineNumber}`;
    const entry = fns.get(key) ?? { name, where: where(f.url, f.lineNumber, root), us: 0 };
    entry.us += us;
    fns.set(key, entry);
    const pkg = packageOf(name, f.url, root);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const busy = total - idle || 1;
  return {
    windowed: window ? windowed : false,
    totalMs: total / 1000,
    idlePct: (idle / (total || 1)) * 100,
    top: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000, pct: (f.us / busy) * 100 })),
    packages: [...packages]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, us]) => ({ name, pct: (us / busy) * 100 })),
  };
}
