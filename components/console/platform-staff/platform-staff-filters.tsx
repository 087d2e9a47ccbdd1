// The staff list's filters: a plain GET form, so a filtered list is a link and works without JS.
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ROLE_OPTIONS } from "@/components/console/platform-staff/platform-roles";

export function PlatformStaffFilters({ search, role }: { search: string; role: string }) {
  return (
    <form method="get" role="search" aria-label="Filter platform staff" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="w-full sm:w-72">
        <TextField label="Search" name="search" type="search" defaultValue={search} placeholder="Name, email or phone" />
      </div>
      <div className="w-full sm:w-56">
        <SelectField label="Role" name="role" defaultValue={role}>
          <option value="">All roles</option>
          {ROLE_OPTIONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
      {search || role ? (
        <Link href="/console/staff" className="py-2 text-sm text-slate-700 underline underline-offset-4">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
