"use client";
// Times in the viewer's own time zone, in one format everywhere: the recent past as "5 minutes
// ago", anything else as "3 Dec 2026, 14:05"; hovering (or a screen reader's description) gives
// the full date and time with its zone. The server renders UTC — it can't know the viewer's zone —
// and the browser switches to its own zone right after hydration (useSyncExternalStore's server
// snapshot keeps the two renders consistent, so there is no hydration mismatch).
import { useSyncExternalStore } from "react";

const LOCALE = "en-GB";
const RECENT_MS = 7 * 24 * 3600 * 1000;

const noSubscription = () => () => {};
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** The viewer's time zone ("UTC" on the server and during hydration). */
export function useTimeZone(): string {
  return useSyncExternalStore(noSubscription, viewerZone, () => "UTC");
}

// One clock for every relative time on the page, ticking each 30 s; null on the server.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
function subscribeClock(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function useNow(): number | null {
  return useSyncExternalStore(
    subscribeClock,
    () => now,
    () => null,
  );
}

export function formatAbsolute(date: Date, timeZone: string, withSeconds = false): string {
  return new Intl.DateTimeFormat(LOCALE, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(withSeconds ? { second: "2-digit" } : {}),
    timeZone,
  }).format(date);
}

/** "Thursday 3 December 2026 at 14:05:12 CET (Europe/Paris)". */
export function formatFull(date: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat(LOCALE, { dateStyle: "full", timeStyle: "long", timeZone }).format(date);
  return timeZone === "UTC" ? text : `${text} (${timeZone})`;
}

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function formatRelative(date: Date, nowMs: number): string | null {
  const delta = date.getTime() - nowMs;
  if (delta > 60_000 || -delta > RECENT_MS) return null; // the future and the older past: absolute
  if (-delta < 45_000) return "just now";
  for (const [unit, ms] of UNITS) {
    if (-delta >= ms) return RELATIVE.format(Math.round(delta / ms), unit);
  }
  return RELATIVE.format(Math.round(delta / 60_000), "minute");
}

/**
 * An instant (ISO 8601 from the API). `relative` (the default) shows the recent past relatively;
 * `absolute` always shows date and time (an expiry, a filter's bound).
 */
export function Time({
  iso,
  display = "relative",
  seconds = false,
}: {
  iso: string;
  display?: "relative" | "absolute";
  seconds?: boolean;
}) {
  const zone = useTimeZone();
  const nowMs = useNow();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  const absolute = formatAbsolute(date, zone, seconds);
  const relative = display === "relative" && nowMs !== null ? formatRelative(date, nowMs) : null;
  const full = formatFull(date, zone);
  return (
    <time dateTime={iso} title={full} className="whitespace-nowrap">
      {relative ?? (zone === "UTC" ? `${absolute} UTC` : absolute)}
      <span className="sr-only">{relative ? ` (${full})` : ""}</span>
    </time>
  );
}

/** A calendar date ("2014-05-02": a birthday, a day) — the same day wherever the viewer is. */
export function CalendarDate({ value }: { value: string }) {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return (
    <time dateTime={value} className="whitespace-nowrap">
      {new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date)}
    </time>
  );
}

/**
 * The instant a date picked in a form means where the user is: the end of that day in their zone
 * (an API key "expires on 31 Dec" works through 31 Dec, local time). Runs in the browser.
 */
export function endOfLocalDay(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const end = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

/** A local date-time ("2026-11-30T08:00", from an input) as an instant where the user is. */
export function localDateTimeToIso(value: string, edge: "start" | "end"): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const at = new Date(y, mo - 1, d, h, mi, edge === "end" ? 59 : 0, edge === "end" ? 999 : 0);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** An instant as a date-time input's value ("2026-11-30T08:00") in `timeZone`. */
export function isoToLocalDateTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
