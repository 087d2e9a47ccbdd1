// The outbox's worker, one per app instance (started by scripts/server.ts): every
// SMS_OUTBOX_POLL_MS it claims the messages that are due and delivers them — email over SMTP
// (nodemailer, SMS_SMTP_URL), SMS as a POST of {"to","body"} to SMS_SMS_WEBHOOK_URL.
//
// Several instances share the outbox. A claim is one UPDATE over a `FOR UPDATE SKIP LOCKED`
// selection (Prisma cannot say SKIP LOCKED), so two workers never take the same row; it marks the
// rows `sending` with a lease (claimed_until) and a token of its own. Delivery happens outside any
// transaction; the outcome is recorded only by the holder of the token. A worker that dies mid-way
// leaves its claims to run out: they are due again after the lease. So a message is delivered
// once, unless an instance dies between the server accepting it and the recording (then it may go
// out twice — never zero times).
//
// A failed attempt leaves the message `pending` with its error, due again after SMS_OUTBOX_RETRY_MS
// (at most 60 s), doubling each time up to an hour. It is never given up on: a message that cannot
// be delivered stays in the outbox, visible in the console with its attempts and last error.
//
// A channel without a transport (development): its new messages are logged once (info) and marked
// `held`; they stay, and an instance that has a transport delivers them.
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { MessageChannel } from "@/lib/messages/outbox";

/** How long a claim lasts: well over the longest delivery (the transports' own time limits below). */
const LEASE_SECONDS = 300;
const BATCH = 10;
const MAX_DELAY_SECONDS = 3600;
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
const WEBHOOK_TIMEOUT_MS = 30_000;

export interface ClaimedMessage {
  id: string;
  channel: MessageChannel;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
}

/** Sends one message; throws when it was not accepted. */
export type Deliver = (message: ClaimedMessage) => Promise<void>;

export interface Transports {
  email?: Deliver;
  sms?: Deliver;
  close?: () => void;
}

const CHANNELS: MessageChannel[] = ["email", "sms"];

/**
 * nodemailer's options for SMS_SMTP_URL (validated by lib/env.ts): smtp:// upgrades with STARTTLS
 * when the server offers it, smtps:// is TLS from the start; the port defaults to 587 or 465.
 * (nodemailer reads a URL by itself only without further options, and we add time limits.)
 */
export function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"), // an IPv6 literal without its brackets
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    ...SMTP_TIMEOUTS,
  };
}

/** The transports SMS_SMTP_URL and SMS_SMS_WEBHOOK_URL configure. */
export function configuredTransports(): Transports {
  const { SMS_SMTP_URL, SMS_MAIL_FROM, SMS_SMS_WEBHOOK_URL, SMS_ROOT_DOMAIN } = env();
  const transports: Transports = {};
  if (SMS_SMTP_URL) {
    const mailer = nodemailer.createTransport(smtpOptions(SMS_SMTP_URL));
    const from = SMS_MAIL_FROM ?? `no-reply@${SMS_ROOT_DOMAIN}`;
    transports.email = async (m) => {
      await mailer.sendMail({ from, to: m.recipient, subject: m.subject, text: m.text, ...(m.html ? { html: m.html } : {}) });
    };
    transports.close = () => mailer.close();
  }
  if (SMS_SMS_WEBHOOK_URL) {
    transports.sms = async (m) => {
      const response = await fetch(SMS_SMS_WEBHOOK_URL, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to: m.recipient, body: m.text }),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        redirect: "error",
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`The SMS webhook answered ${response.status}.`);
    };
  }
  return transports;
}

/** Seconds until the next attempt after `attempts` failed ones: the first within a minute, then doubling, capped. */
export function retryDelaySeconds(attempts: number, firstRetryMs: number): number {
  const base = (firstRetryMs / 1000) * 2 ** Math.max(0, Math.min(attempts - 1, 20));
  // A little jitter, downwards only, so the first retry stays within its bound and instances that
  // failed together do not retry together.
  return Math.min(MAX_DELAY_SECONDS, base) * (0.8 + Math.random() * 0.2);
}

const CLAIM = `
UPDATE outbox_messages m
   SET state = 'sending', attempts = m.attempts + 1,
       claimed_until = now() + make_interval(secs => $3), claim_token = $2
  FROM (SELECT id FROM outbox_messages
         WHERE channel = ANY($1::message_channel[])
           AND ((state IN ('pending', 'held') AND next_attempt_at <= now())
                OR (state = 'sending' AND claimed_until <= now()))
         ORDER BY next_attempt_at, id
         LIMIT $4
           FOR UPDATE SKIP LOCKED) due
 WHERE m.id = due.id
RETURNING m.id, m.channel, m.recipient, m.subject, m.text, m.html, m.attempts`;

const SENT = `
UPDATE outbox_messages
   SET state = 'sent', sent_at = now(), claimed_until = NULL, claim_token = NULL
 WHERE id = $1 AND claim_token = $2`;

const FAILED = `
UPDATE outbox_messages
   SET state = 'pending', last_error = $3, next_attempt_at = now() + make_interval(secs => $4),
       claimed_until = NULL, claim_token = NULL
 WHERE id = $1 AND claim_token = $2`;

// Only messages nobody has tried: one a transport already failed on keeps its state and error.
const HOLD = `
UPDATE outbox_messages m
   SET state = 'held'
  FROM (SELECT id FROM outbox_messages
         WHERE channel = ANY($1::message_channel[]) AND state = 'pending' AND attempts = 0 AND next_attempt_at <= now()
         ORDER BY next_attempt_at, id
         LIMIT $2
           FOR UPDATE SKIP LOCKED) due
 WHERE m.id = due.id
RETURNING m.id, m.client_id, m.channel, m.recipient, m.kind, m.subject, m.text`;

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text || "Delivery failed.").slice(0, 1000);
}

export interface OutboxWorker {
  /** Runs one round now (tests, and the loop itself). Resolves to the number of messages handled. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the round in progress. */
  stop(): Promise<void>;
}

export function startOutboxWorker(options: { transports?: Transports; pollMs?: number; firstRetryMs?: number } = {}): OutboxWorker {
  const transports = options.transports ?? configuredTransports();
  const pollMs = options.pollMs ?? env().SMS_OUTBOX_POLL_MS;
  const firstRetryMs = options.firstRetryMs ?? env().SMS_OUTBOX_RETRY_MS;
  const deliverable = CHANNELS.filter((c) => transports[c]);
  const undeliverable = CHANNELS.filter((c) => !transports[c]);
  const token = randomUUID();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<number> | undefined;

  async function hold(): Promise<number> {
    if (!undeliverable.length) return 0;
    const { rows } = await pool().query(HOLD, [undeliverable, BATCH]);
    for (const m of rows) {
      log.info(
        { message_id: m.id, school: m.client_id, channel: m.channel, to: m.recipient, kind: m.kind, subject: m.subject, text: m.text },
        `message held: no ${m.channel === "email" ? "SMTP (SMS_SMTP_URL)" : "SMS webhook (SMS_SMS_WEBHOOK_URL)"} configured`,
      );
    }
    return rows.length;
  }

  async function deliver(m: ClaimedMessage): Promise<void> {
    try {
      await transports[m.channel]!(m);
    } catch (error) {
      const delay = retryDelaySeconds(m.attempts, firstRetryMs);
      log.warn(
        { message_id: m.id, channel: m.channel, attempts: m.attempts, retry_in_s: Math.round(delay), err: errorText(error) },
        "message delivery failed",
      );
      await pool().query(FAILED, [m.id, token, errorText(error), delay]);
      return;
    }
    await pool().query(SENT, [m.id, token]);
  }

  async function claimAndDeliver(): Promise<number> {
    if (!deliverable.length) return 0;
    const { rows } = await pool().query<ClaimedMessage>(CLAIM, [deliverable, token, LEASE_SECONDS, BATCH]);
    await Promise.all(rows.map(deliver));
    return rows.length;
  }

  async function runOnce(): Promise<number> {
    let handled = 0;
    // A full batch may mean more are due: go on at once, until a round finds less (or we stop).
    for (;;) {
      const held = await hold();
      const sent = await claimAndDeliver();
      handled += held + sent;
      if (stopped || (held < BATCH && sent < BATCH)) return handled;
    }
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = runOnce()
        .catch((error) => {
          // The database may be down: the messages wait, and the next round tries again.
          log.warn({ err: errorText(error) }, "outbox round failed");
          return 0;
        })
        .finally(schedule);
    }, pollMs);
    timer.unref();
  };
  schedule();
  log.info({ transports: deliverable, held: undeliverable, poll_ms: pollMs }, "outbox worker started");

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round?.catch(() => undefined);
      transports.close?.();
    },
  };
}
