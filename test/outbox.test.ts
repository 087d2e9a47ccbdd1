// The outbox and its delivery (the REST contract §8 "Messages", issue 13): a message is written in
// the same transaction as its cause (here a password change) and delivered by the app's workers —
// email to a real SMTP server started here (smtp-server), SMS to a local webhook. Without a
// transport the message is kept (held) and the request still succeeds; an SMTP server that refuses
// or is down delays the message and loses nothing; two instances polling one outbox deliver each
// message once. Outcomes are polled for with a generous deadline, never timed.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { get, post } from "./helpers/api";
import {
  PASSWORD,
  makePlatformUser,
  makeSchoolUser,
  makeTenant,
  randomPhone,
  schoolLogin,
  sql,
  systemLogin,
  unique,
} from "./helpers/fixtures";
import { startSecondServer, type SecondServer } from "./helpers/second-server";
import { eventually, linkIn, startSmtp, startWebhook } from "./helpers/mail";
import { freePort } from "./helpers/system-api";
import { EnvSchema } from "@/lib/env";
import { prisma } from "@/lib/db/client";
import { enqueueMessage } from "@/lib/messages/outbox";
import { passwordChangedMessage } from "@/lib/messages/templates";
import { createSchoolUser } from "@/lib/users/create-user";

const NEW = "a brand new passphrase";
const OUTBOX = "/api/v1/system/outbox/";

interface Row {
  id: string;
  state: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  channel: string;
  client_id: string | null;
  kind: string;
  subject: string;
}

async function messagesTo(recipient: string): Promise<Row[]> {
  const { rows } = await sql().query<Row>(
    "SELECT id, state, attempts, last_error, sent_at, channel, client_id, kind, subject FROM outbox_messages WHERE recipient = $1 ORDER BY created_at",
    [recipient],
  );
  return rows;
}

async function changeSystemPassword(email: string) {
  const { access } = await systemLogin(email);
  return post("/api/v1/system/auth/password/", { old_password: PASSWORD, new_password: NEW }, { token: access });
}

async function changeSchoolPassword(host: string, identifier: string) {
  const { access } = await schoolLogin(host, identifier);
  return post("/api/v1/school/auth/password/", { old_password: PASSWORD, new_password: NEW }, { host, token: access });
}

describe("configuration", () => {
  const parse = (extra: Record<string, string>) => EnvSchema.safeParse({ ...process.env, DATABASE_URL: "", ...extra });
  for (const [name, value] of [
    ["SMS_SMTP_URL", "http://mail.example.org"],
    ["SMS_SMTP_URL", "smtp://"],
    ["SMS_SMTP_URL", "not a url"],
    ["SMS_SMS_WEBHOOK_URL", "ftp://sms.example.org/"],
    ["SMS_SMS_WEBHOOK_URL", "javascript:alert(1)"],
    ["SMS_MAIL_FROM", "no-reply"],
    ["SMS_MAIL_FROM", "a@b.org\r\nBcc: c@d.org"],
    ["SMS_OUTBOX_RETRY_MS", "61000"],
  ]) {
    it(`a bad ${name} (${JSON.stringify(value)}) stops start-up, naming it`, () => {
      const parsed = parse({ [name]: value });
      assert.equal(parsed.success, false);
      assert.equal(parsed.error?.issues[0].path.join("."), name);
    });
  }
  it("good values are taken; empty ones mean no transport", () => {
    const parsed = parse({
      SMS_SMTP_URL: "smtp://user:p%40ss@mail.example.org:587",
      SMS_SMS_WEBHOOK_URL: "https://sms.example.org/send",
      SMS_MAIL_FROM: "Greenwood <no-reply@greenwood.example.org>",
    });
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.equal(parsed.data.SMS_SMTP_URL, "smtp://user:p%40ss@mail.example.org:587");
    const empty = parse({ SMS_SMTP_URL: "", SMS_SMS_WEBHOOK_URL: "" });
    assert.ok(empty.success);
    assert.equal(empty.data.SMS_SMTP_URL, undefined);
    assert.equal(empty.data.SMS_SMS_WEBHOOK_URL, undefined);
  });
});

describe("templates", () => {
  it("name the school and its host, and escape them in HTML", () => {
    const name = `<img src=x onerror=alert(1)> Tom & Jerry's "School"`;
    const m = passwordChangedMessage({
      sender: { kind: "school", name, host: "tj.example.org", origin: "https://tj.example.org" },
      fullName: "<b>Ada</b>",
      at: new Date("2026-12-03T10:00:00Z"),
    });
    assert.ok(m.text.includes(name) && m.text.includes("tj.example.org") && m.text.includes("2026-12-03 10:00 UTC"));
    assert.ok(m.subject.includes(name));
    assert.ok(!m.html.includes("<img") && !m.html.includes("<b>Ada"), m.html);
    assert.ok(m.html.includes("&lt;img src=x onerror=alert(1)&gt; Tom &amp; Jerry&#39;s &quot;School&quot;"));
    assert.ok(m.sms.length <= 320 || m.sms.includes(name));
    const platform = passwordChangedMessage({
      sender: { kind: "platform", host: "sms.example.org", origin: "https://example.org" },
      fullName: "",
      at: new Date(),
    });
    assert.ok(platform.text.includes("sms.example.org") && platform.text.startsWith("Hello,"));
  });
});

describe("without a transport (the main test server)", () => {
  it("a password change succeeds, and its message is kept (held) in the outbox", async () => {
    const admin = await makePlatformUser("platform_admin");
    const res = await changeSystemPassword(admin.email);
    assert.equal(res.status, 204, res.text);
    // Written with the change, in its transaction.
    const [written] = await messagesTo(admin.email);
    assert.ok(written, "a message was written");
    assert.equal(written.kind, "password_changed");
    assert.equal(written.channel, "email");
    assert.equal(written.client_id, null);
    // The worker logs it and keeps it.
    const held = await eventually("the message held", async () => (await messagesTo(admin.email)).find((m) => m.state === "held"));
    assert.equal(held.attempts, 0);
    assert.equal(held.sent_at, null);
  });

  it("a refused password change writes no message", async () => {
    const admin = await makePlatformUser("support");
    const { access } = await systemLogin(admin.email);
    const res = await post("/api/v1/system/auth/password/", { old_password: "wrong password!", new_password: NEW }, { token: access });
    assert.equal(res.status, 400);
    assert.deepEqual(await messagesTo(admin.email), []);
  });

  it("platform staff read the outbox; others and bad filters are refused", async () => {
    const admin = await makePlatformUser("support");
    await changeSystemPassword(admin.email);
    const { access } = await systemLogin(admin.email, NEW);
    const res = await get(`${OUTBOX}?channel=email&page_size=200`, { token: access });
    assert.equal(res.status, 200, res.text);
    const mine = res.body.results.find((m: { recipient: string }) => m.recipient === admin.email);
    assert.ok(mine, "the support user's own message is listed");
    assert.deepEqual(Object.keys(mine).sort(), [
      "attempts",
      "channel",
      "client",
      "created_at",
      "id",
      "kind",
      "last_error",
      "next_attempt_at",
      "recipient",
      "sent_at",
      "state",
      "subject",
    ]);
    assert.equal(mine.kind, "password_changed");
    for (const bad of ["state=lost", "channel=fax", "client=nope", "ordering=text", "state=%00"]) {
      const r = await get(`${OUTBOX}?${bad}`, { token: access });
      assert.equal(r.status, 400, `${bad}: ${r.text}`);
    }
    assert.equal((await get(OUTBOX)).status, 401);
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const school = await schoolLogin(tenant.host, staff.email);
    assert.equal((await get(OUTBOX, { token: school.access })).status, 401);
    assert.equal((await get(OUTBOX, { token: access, host: tenant.host })).status, 404);
  });
});

describe("with SMTP and an SMS webhook (two more instances)", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  const servers: SecondServer[] = [];

  before(async () => {
    smtp = await startSmtp();
    webhook = await startWebhook();
    const env = {
      SMS_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMS_MAIL_FROM: "School Office <office@example.org>",
      SMS_SMS_WEBHOOK_URL: webhook.url,
      SMS_OUTBOX_POLL_MS: "200",
      SMS_OUTBOX_RETRY_MS: "300",
    };
    servers.push(...(await Promise.all([startSecondServer(env), startSecondServer(env)])));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await smtp?.close();
    await webhook?.close();
  });

  it("a school user's password change arrives by email, naming the school and its host", async () => {
    const tenant = await makeTenant({ name: `Riverside ${unique()}` });
    const staff = await makeSchoolUser(tenant.id);
    const res = await changeSchoolPassword(tenant.host, staff.email);
    assert.equal(res.status, 204, res.text);
    const [mail] = await eventually("the mail", async () => (smtp.to(staff.email).length ? smtp.to(staff.email) : null));
    assert.deepEqual(mail.to, [staff.email]);
    assert.equal(mail.from, "office@example.org");
    assert.match(mail.raw, new RegExp(`^Subject: Your ${tenant.name} password was changed`, "m"));
    assert.ok(mail.raw.includes(`${tenant.slug}.localhost`), "the school's host");
    assert.match(mail.raw, /Content-Type: text\/html/);
    const row = await eventually("recorded as sent", async () => (await messagesTo(staff.email)).find((m) => m.state === "sent"));
    assert.equal(row.client_id, tenant.id);
    assert.ok(row.sent_at);
  });

  it("a phone-only user is told by SMS: the webhook gets {to, body}", async () => {
    const tenant = await makeTenant({ name: `Hillside ${unique()}` });
    const phone = randomPhone().e164;
    await createSchoolUser(tenant.id, { email: null, phone, password: PASSWORD, fullName: "Phone Only", roleNames: ["Teacher"] });
    const res = await changeSchoolPassword(tenant.host, phone);
    assert.equal(res.status, 204, res.text);
    const sms = (await eventually("the SMS", async () => webhook.received.find((b) => (b as { to?: string }).to === phone))) as Record<
      string,
      string
    >;
    assert.deepEqual(Object.keys(sms).sort(), ["body", "to"]);
    assert.ok(sms.body.includes(tenant.name), sms.body);
    assert.equal(smtp.to(phone).length, 0);
    await eventually("recorded as sent", async () => (await messagesTo(phone)).some((m) => m.state === "sent" && m.channel === "sms"));
  });

  it("an SMTP server that refuses delays the message and loses nothing: it goes out once it accepts", async () => {
    const admin = await makePlatformUser("platform_admin");
    smtp.state.refuse = true;
    try {
      assert.equal((await changeSystemPassword(admin.email)).status, 204);
      const failed = await eventually("a failed attempt recorded", async () =>
        (await messagesTo(admin.email)).find((m) => m.state === "pending" && m.attempts >= 1 && m.last_error),
      );
      assert.match(failed.last_error ?? "", /451|busy/i);
      assert.equal(smtp.to(admin.email).length, 0);
    } finally {
      smtp.state.refuse = false;
    }
    const sent = await eventually("sent after the server recovered", async () =>
      (await messagesTo(admin.email)).find((m) => m.state === "sent"),
    );
    assert.ok(sent.attempts >= 2, `attempts ${sent.attempts}`);
    assert.equal(smtp.to(admin.email).length, 1);
  });

  it("two instances deliver each of many messages exactly once", async () => {
    const batch = unique("burst");
    const recipients = Array.from({ length: 40 }, (_, i) => `${batch}-${i}@example.org`);
    await prisma.$transaction(async (tx) => {
      for (const recipient of recipients) {
        await enqueueMessage(tx, {
          schoolId: null,
          channel: "email",
          recipient,
          kind: "test",
          subject: `Burst ${batch}`,
          text: "One of many.",
          html: null,
        });
      }
    });
    await eventually(
      "every message sent",
      async () => {
        const { rows } = await sql().query<{ n: number }>(
          "SELECT count(*)::int AS n FROM outbox_messages WHERE kind = 'test' AND subject = $1 AND state = 'sent'",
          [`Burst ${batch}`],
        );
        return rows[0].n === recipients.length;
      },
      90_000,
    );
    // Rows may be recorded a moment after the server took the mail; the counts are what matters.
    const counts = recipients.map((r) => smtp.to(r).length);
    assert.deepEqual(
      counts,
      recipients.map(() => 1),
      "each recipient got exactly one mail",
    );
  });
  // Invitations and reset links (lib/auth/invitations.ts, password-reset.ts) end to end. Here and
  // not in their own files: every instance with a transport delivers any due message, so all the
  // tests that read a mail server live in this one file, which runs its instances one at a time.
  it("an invitation arrives by SMTP, names the school, and its link signs the person in once", async () => {
    const tenant = await makeTenant({ name: "Greenwood Academy" });
    const admin = await makeSchoolUser(tenant.id, ["Admin"]);
    const { access } = await schoolLogin(tenant.host, admin.email);
    const address = `${unique("invitee")}@example.org`;
    const created = await post("/api/v1/school/users/", { email: address, roles: ["Teacher"] }, { host: tenant.host, token: access });
    assert.equal(created.status, 201, created.text);
    const mail = await eventually("the invitation at the SMTP server", async () => smtp.to(address)[0]);
    assert.match(mail.raw, /Subject: You are invited to Greenwood Academy/);
    const { url, token } = linkIn(mail.raw, "/invitation");
    assert.match(url, new RegExp(`^http://${tenant.host.replace(/\./g, "\\.")}:\\d+/invitation\\?token=`));
    const accept = () => post("/api/v1/school/auth/invitation/accept/", { token, password: NEW }, { host: tenant.host });
    const ok = await accept();
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.user.status, "active");
    assert.equal((await accept()).body.code, "token_not_valid");
    await schoolLogin(tenant.host, address, NEW);
  });

  it("a reset link arrives by SMTP and works once; the owner is then told their password changed", async () => {
    const user = await makePlatformUser("platform_admin");
    const asked = await post("/api/v1/system/auth/password-reset/", { identifier: user.email });
    assert.equal(asked.status, 202);
    const mail = await eventually("the reset mail", async () =>
      smtp.to(user.email).find((m) => /Subject: Reset your SMS platform password/.test(m.raw)),
    );
    const { token } = linkIn(mail.raw, "/console/reset-password");
    const confirm = () => post("/api/v1/system/auth/password-reset/confirm/", { token, new_password: NEW });
    assert.equal((await confirm()).status, 204);
    assert.equal((await confirm()).body.code, "token_not_valid");
    await systemLogin(user.email, NEW);
    await eventually("the 'password changed' mail", async () =>
      smtp.to(user.email).find((m) => /Subject: Your SMS platform password was changed/.test(m.raw)),
    );
  });
});

describe("an SMTP server that is down", () => {
  it("the message waits with its error and is delivered when the server comes up", async () => {
    const port = await freePort();
    const server = await startSecondServer({
      SMS_SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMS_OUTBOX_POLL_MS: "200",
      SMS_OUTBOX_RETRY_MS: "300",
    });
    let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
    try {
      const admin = await makePlatformUser("platform_admin");
      assert.equal((await changeSystemPassword(admin.email)).status, 204);
      const failed = await eventually("a failed attempt recorded", async () =>
        (await messagesTo(admin.email)).find((m) => m.state === "pending" && m.attempts >= 1 && m.last_error),
      );
      assert.match(failed.last_error ?? "", /ECONNREFUSED|connect/i);
      smtp = await startSmtp(port);
      await eventually("sent once the server is up", async () => (await messagesTo(admin.email)).some((m) => m.state === "sent"));
      assert.equal(smtp.to(admin.email).length, 1);
    } finally {
      await server.stop();
      await smtp?.close();
    }
  });
});
