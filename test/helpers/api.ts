// HTTP against the server started by scripts/test.mjs. Node cannot resolve `*.localhost`, and
// fetch ignores a Host header, so every request goes to 127.0.0.1 with the Host set by hand.
import http from "node:http";

export const PORT = Number(process.env.SMS_TEST_PORT);
if (!PORT) throw new Error("Run the tests with `npm test` (SMS_TEST_PORT is not set)");

export const PLATFORM = "localhost";
export const tenantHost = (slug: string) => `${slug}.localhost`;

export interface ApiResponse<T = any> {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: T;
  text: string;
}

export interface RequestOptions {
  host?: string;
  token?: string;
  body?: unknown;
  /** Sent as-is (no JSON encoding). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Client address the server should see (honoured because loopback is a trusted proxy in tests). */
  ip?: string;
  /** Another server of the run (test/helpers/second-server.ts); default: the main test server. */
  port?: number;
}

export function request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const port = options.port ?? PORT;
  const headers: Record<string, string> = { host: `${options.host ?? PLATFORM}:${port}`, ...options.headers };
  let payload: Buffer | undefined;
  if (options.raw !== undefined) payload = Buffer.isBuffer(options.raw) ? options.raw : Buffer.from(options.raw);
  else if (options.body !== undefined) {
    payload = Buffer.from(JSON.stringify(options.body));
    headers["content-type"] ??= "application/json";
  }
  if (payload) headers["content-length"] = String(payload.length);
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  headers["x-forwarded-for"] ??= options.ip ?? randomIp();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: any;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
    });
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export const get = <T = any>(path: string, o?: RequestOptions) => request<T>("GET", path, o);
export const post = <T = any>(path: string, body?: unknown, o?: RequestOptions) => request<T>("POST", path, { ...o, body });

/** A distinct client address per call, so one test's failed logins never throttle another's. */
export function randomIp(): string {
  const b = () => Math.floor(Math.random() * 254) + 1;
  return `10.${b()}.${b()}.${b()}`;
}

/** Decodes a JWT's payload without verifying it (for asserting claims). */
export function claimsOf(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
}
