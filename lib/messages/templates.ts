// The words of each message, in plain text and in simple HTML (every value escaped), naming where
// it comes from: the school and its host, or the platform. Pure: no database, no configuration.

/** Who a message speaks for: a school (its name and host), or the platform (its host). */
export type Sender = { kind: "school"; name: string; host: string } | { kind: "platform"; host: string };

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

/** Paragraphs of plain text as a small HTML document; each paragraph escaped here. */
function htmlDocument(title: string, paragraphs: string[]): string {
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8"><title>',
    escapeHtml(title),
    "</title></head>",
    '<body style="font-family:sans-serif;line-height:1.5;color:#0f172a">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    "</body></html>",
  ].join("");
}

function message(subject: string, paragraphs: string[], sms: string): RenderedMessage {
  return { subject, text: `${paragraphs.join("\n\n")}\n`, html: htmlDocument(subject, paragraphs), sms };
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
