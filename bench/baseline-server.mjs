// The machine's ceiling for `me` and the list endpoints (npm run bench): bare node:http doing the
// least such a request must do — verify the ES256 access token with jose against the app's
// published JWK Set, then one round trip to the same database (a user by primary key). The same
// handler runs inside Next.js as /api/bench/ceiling (bench/ceiling/ceiling.ts, in the benchmark's own
// build only); keep them alike.
//
// env: PORT, DATABASE_URL, JWKS_URL (the app's /.well-known/jwks.json), JWKS_HOST (its Host),
// POOL_SIZE (default 10, the app's SMS_DB_POOL_SIZE default). Prints "ready" once listening.
import http from "node:http";
import { createLocalJWKSet, jwtVerify } from "jose";
import pg from "pg";

const { PORT, DATABASE_URL, JWKS_URL, JWKS_HOST, POOL_SIZE } = process.env;

function getJson(url, host) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    http
      .get({ host: u.hostname, port: u.port, path: u.pathname, headers: { host } }, (res) => {
        let text = "";
        res.on("data", (c) => {
          text += c;
        });
        res.on("end", () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`JWKS: HTTP ${res.statusCode}`))));
      })
      .on("error", reject);
  });
}

const jwks = createLocalJWKSet(await getJson(JWKS_URL, JWKS_HOST));
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(POOL_SIZE || 10), idleTimeoutMillis: 30_000 });
pool.on("error", () => undefined);

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  try {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
    if (!match) return send(res, 401, { detail: "no token" });
    let sub;
    try {
      ({
        payload: { sub },
      } = await jwtVerify(match[1], jwks, { algorithms: ["ES256"], audience: "school" }));
    } catch {
      return send(res, 401, { detail: "bad token" });
    }
    const { rows } = await pool.query("SELECT id, email, full_name FROM users WHERE id = $1", [sub]);
    if (!rows[0]) return send(res, 404, { detail: "no user" });
    send(res, 200, rows[0]);
  } catch (error) {
    send(res, 500, { detail: String(error?.message ?? error) });
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(PORT), "127.0.0.1", () => console.log("ready"));

const stop = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
