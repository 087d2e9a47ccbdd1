// The API keys list's filters: a plain GET form (a filtered list is a link; works without JS).
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

export function ApiKeyFilters({ status, school, schools }: { status: string; school: string; schools: { id: string; name: string }[] }) {
  return (
    <form method="get" role="search" aria-label="Filter API keys" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="w-full sm:w-48">
        <SelectField label="Status" name="status" defaultValue={status}>
          <option value="">All keys</option>
          <option value="active">Not revoked</option>
          <option value="revoked">Revoked</option>
        </SelectField>
      </div>
      <div className="w-full sm:w-64">
        <SelectField label="School" name="school" defaultValue={school}>
          <option value="">Any school, and global keys</option>
          <option value="global">Global keys only</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
      {status || school ? (
        <Link href="/console/api-keys" className="py-2 text-sm text-slate-700 underline underline-offset-4">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
