// The words of each message, in plain text and in simple HTML (every value escaped), naming where
// it comes from: the school and its host, or the platform. Pure: no database, no configuration.

/**
 * Who a message speaks for: a school (its name and host), or the platform (its host). `origin` is
 * where its people open links: scheme, host and port (`https://greenwood.example.org`).
 */
export type Sender = { kind: "school"; name: string; host: string; origin: string } | { kind: "platform"; host: string; origin: string };

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** The short form, for SMS. */
  sms: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML text or attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function senderName(sender: Sender): string {
  return sender.kind === "school" ? `${sender.name} (${sender.host})` : `the SMS platform console (${sender.host})`;
}

/** A paragraph, or a link to follow (its own paragraph: a button in HTML, the bare URL in text). */
type Part = string | { link: string; label: string };

/** Paragraphs of plain text as a small HTML document; each paragraph and link escaped here. */
function htmlDocument(title: string, parts: Part[]): string {
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8"><title>',
    escapeHtml(title),
    "</title></head>",
    '<body style="font-family:sans-serif;line-height:1.5;color:#0f172a">',
    ...parts.map((p) =>
      typeof p === "string"
        ? `<p>${escapeHtml(p)}</p>`
        : `<p><a href="${escapeHtml(p.link)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(p.label)}</a></p><p style="font-size:13px;color:#475569">Or open this address: ${escapeHtml(p.link)}</p>`,
    ),
    "</body></html>",
  ].join("");
}

function message(subject: string, parts: Part[], sms: string): RenderedMessage {
  const text = parts.map((p) => (typeof p === "string" ? p : p.link)).join("\n\n");
  return { subject, text: `${text}\n`, html: htmlDocument(subject, parts), sms };
}

const whereFrom = (sender: Sender) => (sender.kind === "school" ? sender.name : "SMS platform");

/** A link's expiry as a person reads it: "7 days", "1 hour", "30 minutes". */
export function validFor(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds % 86_400 === 0) return plural(seconds / 86_400, "day");
  if (seconds % 3600 === 0) return plural(seconds / 3600, "hour");
  return plural(Math.round(seconds / 60), "minute");
}

const greeting = (name: string) => (name.trim() ? `Hello ${name.trim()},` : "Hello,");

/** "Your password was changed": told to the account's owner after any change of their password. */
export function passwordChangedMessage(options: { sender: Sender; fullName: string; at: Date }): RenderedMessage {
  const { sender, fullName, at } = options;
  const where = senderName(sender);
  const when = `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const whom = sender.kind === "school" ? `an administrator of ${sender.name}` : "a platform administrator";
  return message(
    sender.kind === "school" ? `Your ${sender.name} password was changed` : "Your SMS platform password was changed",
    [
      greeting(fullName),
      `The password of your account at ${where} was changed on ${when}. Every other session of yours was signed out.`,
      `If you did not change it, contact ${whom} at once.`,
    ],
    `${sender.kind === "school" ? sender.name : "SMS platform"}: your password was changed on ${when}. If this was not you, contact ${whom}.`,
  );
}

/** "Two-factor sign-in was turned off": told to the account's owner, by themselves or by an admin. */
export function mfaTurnedOffMessage(options: { sender: Sender; fullName: string; at: Date; byAdmin: boolean }): RenderedMessage {
  const { sender, fullName, at, byAdmin } = options;
  const where = senderName(sender);
  const when = `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const whom = sender.kind === "school" ? `an administrator of ${sender.name}` : "a platform administrator";
  const how = byAdmin ? "An administrator turned off" : "You turned off";
  return message(
    sender.kind === "school"
      ? `Two-factor sign-in was turned off at ${sender.name}`
      : "Two-factor sign-in was turned off on the SMS platform",
    [
      greeting(fullName),
      `${how} two-factor sign-in for your account at ${where} on ${when}.${byAdmin ? " Every session of yours was signed out." : ""} Your password alone now signs you in; you can turn two-factor sign-in on again in My account.`,
      `If you did not expect this, contact ${whom} at once.`,
    ],
    `${sender.kind === "school" ? sender.name : "SMS platform"}: two-factor sign-in was turned off for your account on ${when}. If this was not you, contact ${whom}.`,
  );
}

/** An invitation: a link where the person chooses their password and is signed in. */
export function invitationMessage(options: { sender: Sender; fullName: string; link: string; validSeconds: number }): RenderedMessage {
  const { sender, fullName, link, validSeconds } = options;
  const what = sender.kind === "school" ? `${sender.name}'s school management system` : "the SMS platform console";
  return message(
    sender.kind === "school" ? `You are invited to ${sender.name}` : "You are invited to the SMS platform",
    [
      greeting(fullName),
      `You have been given an account on ${what} (${sender.host}). Choose your password to start:`,
      { link, label: "Choose your password" },
      `The link works once and for ${validFor(validSeconds)}. If you did not expect this invitation, you can ignore it.`,
    ],
    `${whereFrom(sender)}: you are invited. Choose your password within ${validFor(validSeconds)}: ${link}`,
  );
}

/** A password reset link, asked for on the sign-in page. */
export function passwordResetMessage(options: { sender: Sender; fullName: string; link: string; validSeconds: number }): RenderedMessage {
  const { sender, fullName, link, validSeconds } = options;
  return message(
    sender.kind === "school" ? `Reset your ${sender.name} password` : "Reset your SMS platform password",
    [
      greeting(fullName),
      `Someone asked to reset the password of your account at ${senderName(sender)}. To choose a new one, open:`,
      { link, label: "Choose a new password" },
      `The link works once and for ${validFor(validSeconds)}; choosing a new password signs you out everywhere. If you did not ask for it, ignore this message: your password stays as it is.`,
    ],
    `${whereFrom(sender)}: reset your password within ${validFor(validSeconds)}: ${link} (not you? ignore this)`,
  );
}

/** An admin set a temporary password: the owner hears of it, not of the password itself. */
export function temporaryPasswordSetMessage(options: { sender: Sender; fullName: string; at: Date }): RenderedMessage {
  const { sender, fullName, at } = options;
  const when = `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const whom = sender.kind === "school" ? `an administrator of ${sender.name}` : "a platform administrator";
  return message(
    sender.kind === "school"
      ? `A temporary password was set for you at ${sender.name}`
      : "A temporary password was set for you on the SMS platform",
    [
      greeting(fullName),
      `An administrator set a temporary password for your account at ${senderName(sender)} on ${when}, and every session of yours was signed out. They will give it to you; you will choose your own when you next sign in.`,
      `If you did not expect this, contact ${whom}.`,
    ],
    `${whereFrom(sender)}: an administrator set a temporary password for your account on ${when}. If you did not expect this, contact ${whom}.`,
  );
}
