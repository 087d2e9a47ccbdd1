// The search box above a portal list: a GET form (next/form: client-side navigation), so the
// query lives in the URL and the server renders the filtered page.
import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function ListSearch({
  basePath,
  label,
  search,
  placeholder,
}: {
  basePath: string;
  label: string;
  search: string;
  placeholder: string;
}) {
  return (
    <Form action={basePath} role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1">
        <TextField label="Search" name="search" type="search" defaultValue={search} placeholder={placeholder} maxLength={100} />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {search ? (
        <Link href={basePath} className="py-2 text-sm text-slate-700 underline underline-offset-4 hover:text-slate-900">
          Clear
        </Link>
      ) : null}
    </Form>
  );
}
