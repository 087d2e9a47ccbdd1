"use client";
// A date and time picked where the user is: the visible input shows and takes local time (the
// viewer's zone), and a hidden input carries the instant it means (ISO 8601, UTC) under `name` —
// so a GET form's URL holds an unambiguous instant that reads the same for whoever opens the link.
import { useState } from "react";
import { TextField } from "@/components/ui/field";
import { isoToLocalDateTime, localDateTimeToIso, useTimeZone } from "@/components/ui/time";

export function DateTimeField({
  label,
  name,
  defaultValue,
  edge,
  hint,
  error,
}: {
  label: string;
  name: string;
  /** The instant (ISO 8601) the field starts with. */
  defaultValue?: string;
  /** `end`: the picked minute is included to its last millisecond (an "until"). */
  edge: "start" | "end";
  hint?: string;
  error?: string;
}) {
  const zone = useTimeZone();
  const [instant, setInstant] = useState(defaultValue ?? "");
  // Until the browser's zone is known (the server renders UTC), the input is keyed by the zone,
  // so it shows the instant in the viewer's own zone once that is known.
  const local = instant ? isoToLocalDateTime(instant, zone) : "";
  return (
    <div>
      <TextField
        key={zone}
        label={`${label} (${zone === "UTC" ? "UTC" : `your time, ${zone}`})`}
        type="datetime-local"
        defaultValue={local}
        hint={hint}
        error={error}
        onChange={(event) => setInstant(event.target.value ? (localDateTimeToIso(event.target.value, edge) ?? event.target.value) : "")}
      />
      <input type="hidden" name={name} value={instant} />
    </div>
  );
}
