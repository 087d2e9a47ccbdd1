// A size cap on every request body, enforced by our HTTP server (scripts/server.ts) before Next.js,
// next-auth or a server action reads a byte of it.
//
// Why here and not in each reader: /api/v1 bodies were capped by lib/http/body.ts, but next-auth's
// sign-in callback and Next.js's server actions buffer whatever they are sent — a 200 MB form post
// ran the process out of heap. Only the server sees every request, so the cap lives there:
// a declared Content-Length over the cap is refused before the body is read, and a chunked body
// (no length declared) is counted as it arrives and refused the moment it passes the cap.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { MAX_BODY_BYTES } from "@/lib/http/body";

/** Sign-in forms, server actions and anything else that is not the REST API: small forms only. */
export const SMALL_BODY_BYTES = 64 * 1024;

export function bodyLimitFor(pathname: string): number {
  return pathname.startsWith("/api/v1/") || pathname === "/api/v1" ? MAX_BODY_BYTES : SMALL_BODY_BYTES;
}

/**
 * How long a refused request may go on sending after its answer. Closing the connection at once
 * would reset it under a client that is still writing, and the client would never read the 413.
 * So the connection is half-closed (our side says it is done), what the client still sends is
 * read and dropped, and it is closed for good after this long: a "lingering close", as nginx and
 * Apache do it.
 */
const LINGER_MS = 2000;

function lingerThenClose(socket: Socket): void {
  socket.end();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

function refuse(req: IncomingMessage, res: ServerResponse, limit: number): void {
  ANSWERED.add(res);
  // Node closes a `Connection: close` response's socket as soon as the answer is written (its
  // destroySoon): for this one socket, linger instead.
  const socket = req.socket;
  socket.destroySoon = () => lingerThenClose(socket);
  if (res.headersSent) {
    lingerThenClose(socket);
    return;
  }
  const body = JSON.stringify({ detail: `Request body exceeds ${limit} bytes.`, code: "too_large" });
  res.writeHead(413, {
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  res.end(body);
}

/**
 * Applies `limit` to the request's body. Returns false when the request was refused already (its
 * declared length is over the cap): the caller must not hand it on. Otherwise the body is counted
 * as Node's parser delivers it; past the cap nothing more reaches a reader (the body never ends
 * for them, so nothing acts on a truncated body), a 413 answers the request if nothing has yet,
 * and the connection closes shortly after.
 */
export function enforceBodyLimit(req: IncomingMessage, res: ServerResponse, limit: number): boolean {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) {
    refuse(req, res, limit);
    return false;
  }
  if (declared !== undefined && req.headers["transfer-encoding"] === undefined) return true; // Node's parser stops at the declared length
  let received = 0;
  let exceeded = false;
  const push = req.push.bind(req);
  // Node's HTTP parser hands each chunk of the body to `push`: counting there sees the bytes as
  // they arrive, before any reader (ours, Next.js's, next-auth's) buffers them.
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (exceeded) return true; // dropped; `true` keeps the parser reading, so the client can finish
    if (chunk === null) return push(chunk, encoding);
    received += (chunk as Buffer).length;
    if (received <= limit) return push(chunk, encoding);
    exceeded = true;
    refuse(req, res, limit);
    return true;
  };
  return true;
}

const ANSWERED = new WeakSet<ServerResponse>();

/** The server answered this response itself (a body over the cap): what Next.js does after is moot. */
export function answeredByServer(res: ServerResponse): boolean {
  return ANSWERED.has(res);
}
