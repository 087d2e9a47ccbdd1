// The messages the app sent during this run: scripts/e2e.mjs runs a real SMTP server that writes
// each one into E2E_MAIL_DIR, numbered in the order received. A spec waits for the newest message
// to an address (after a moment it knows of) and takes the link out of it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

interface Mail {
  to: string[];
  raw: string;
}

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the browser tests with `npm run e2e`");
  return dir;
}

/** The raw message as text: quoted-printable soft breaks joined, its escapes decoded, folded headers unfolded. */
function readable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\r?\n[ \t]+/g, " ");
}

/** How many messages have arrived so far: pass it to `waitForMail` to wait only for newer ones. */
export function mailCount(): number {
  return readdirSync(mailDir()).filter((f) => f.endsWith(".json")).length;
}

/** The newest message to `address` among those after the first `after`, as text; waits for it. */
export async function waitForMail(address: string, after = 0): Promise<string> {
  const to = address.toLowerCase();
  let found: string | undefined;
  await expect
    .poll(
      () => {
        const files = readdirSync(mailDir())
          .filter((f) => f.endsWith(".json"))
          .sort()
          .slice(after);
        for (const file of files.reverse()) {
          const mail = JSON.parse(readFileSync(path.join(mailDir(), file), "utf8")) as Mail;
          if (mail.to.includes(to)) {
            found = readable(mail.raw);
            return true;
          }
        }
        return false;
      },
      { message: `a message to ${address}`, timeout: 30_000 },
    )
    .toBe(true);
  return found as string;
}

/** The link of a message to a page of ours (`/invitation`, `/console/reset-password`, …) with its token. */
export function linkIn(mail: string, pagePath: string): string {
  const escaped = pagePath.replace(/[/]/g, "\\/");
  const match = mail.match(new RegExp(`https?://[^\\s"'<>]+${escaped}\\?token=[A-Za-z0-9_~.%-]+`));
  if (!match) throw new Error(`no ${pagePath} link in the message:\n${mail.slice(0, 2000)}`);
  return match[0];
}
