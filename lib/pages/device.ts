// A session's device in words, from the User-Agent its login sent: "Chrome on macOS", "curl".
// Bowser knows the browsers and systems; anything it cannot name is shown by its first word.
import Bowser from "bowser";

export function deviceLabel(userAgent: string | null): string {
  if (!userAgent?.trim()) return "Unknown device";
  const { browser, os } = Bowser.parse(userAgent);
  if (browser.name && os.name) return `${browser.name} on ${os.name}`;
  if (browser.name) return browser.name;
  // A script or a library ("curl/8.5.0", "python-requests/2.31"): its name without the version.
  return userAgent.trim().split(/[\s/]/)[0].slice(0, 40) || "Unknown device";
}

/** The sessions as the account pages list them: the device in words instead of the raw User-Agent. */
export function sessionRows<S extends { user_agent: string | null }>(sessions: S[]): (Omit<S, "user_agent"> & { device: string })[] {
  return sessions.map(({ user_agent, ...session }) => ({ ...session, device: deviceLabel(user_agent) }));
}
