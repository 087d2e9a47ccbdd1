// The audit log's filters: a plain GET form, so a filtered view is a link to share. Times are
// UTC, like the table; a value the server cannot read comes back as an error under its field.
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

export interface AuditFilterValues {
  actor: string;
  school: string;
  action: string;
  since: string;
  until: string;
}

export function AuditFilters({
  values,
  schools,
  errors,
}: {
  values: AuditFilterValues;
  schools: { id: string; name: string }[];
  errors: Record<string, string[] | undefined>;
}) {
  const err = (field: string) => errors[field]?.join(" ");
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" role="search" aria-label="Filter the audit log" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          label="Actor"
          name="actor"
          defaultValue={values.actor}
          placeholder="ana@example.org"
          hint="Email, phone or part of one; or a user or key id."
          error={err("actor")}
        />
        <SelectField label="School" name="school" defaultValue={values.school} error={err("client")}>
          <option value="">Any school, and the platform</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Action"
          name="action"
          defaultValue={values.action}
          placeholder="api_key.*"
          hint="Exact, or a prefix ending in *: api_key.*, system.login.*"
          error={err("action")}
        />
        <TextField label="Since (UTC)" name="since" type="datetime-local" defaultValue={values.since} error={err("since")} />
        <TextField
          label="Until (UTC)"
          name="until"
          type="datetime-local"
          defaultValue={values.until}
          hint="Includes that whole minute."
          error={err("until")}
        />
        <div className="flex items-end gap-3">
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
          {any ? (
            <Link href="/console/audit" className="py-2 text-sm text-slate-700 underline underline-offset-4">
              Clear
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}
