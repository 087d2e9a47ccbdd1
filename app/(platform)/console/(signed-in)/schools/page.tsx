// Schools: search, status filter and pages over GET /api/v1/system/clients/'s own query
// (listSchools), with write controls only for roles that may write.
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { NewSchoolDialog } from "@/components/console/schools/new-school-dialog";
import { SchoolsTable } from "@/components/console/schools/schools-table";
import { requireConsoleUser } from "@/lib/console/console-session";
import { env } from "@/lib/env";
import { listPage, listQueryOf } from "@/lib/pages/list-page";
import { SchoolListQuery } from "@/lib/platform/client-schemas";
import { listSchools } from "@/lib/platform/schools";
import { canWrite } from "@/lib/platform/policy";

export const metadata: Metadata = { title: "Schools" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;
const BASE_PATH = "/console/schools";

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export default async function SchoolsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user } = await requireConsoleUser();
  const writable = canWrite(user);
  const params = await searchParams;
  const search = one(params.search).slice(0, 200);
  const status = one(params.is_active);
  const isActive = status === "true" || status === "false" ? status : "";
  const page = one(params.page);

  // The REST list's own query schema, and its domain function.
  const query = { search: search || undefined, is_active: isActive || undefined };
  const result = await listPage(BASE_PATH, query, () => listSchools(listQueryOf(SchoolListQuery, { ...query, page }, PAGE_SIZE)));
  const rootDomain = env().SMS_ROOT_DOMAIN;
  const filtered = Boolean(search || isActive);

  return (
    <>
      <PageHeader
        title="Schools"
        description={
          writable
            ? "Every school on the platform: create, edit, suspend or delete them."
            : "Every school on the platform. Your role may only read."
        }
        actions={writable ? <NewSchoolDialog rootDomain={rootDomain} /> : undefined}
      />
      <form method="get" action={BASE_PATH} role="search" aria-label="Schools" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <TextField label="Search" name="search" type="search" defaultValue={search} placeholder="Name, slug or domain" />
        </div>
        <div className="w-40">
          <SelectField label="Status" name="is_active" defaultValue={isActive}>
            <option value="">All</option>
            <option value="true">Active</option>
            <option value="false">Suspended</option>
          </SelectField>
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {filtered ? (
          <Link href={BASE_PATH} className="py-2 text-sm text-slate-700 underline underline-offset-4 hover:text-slate-900">
            Clear
          </Link>
        ) : null}
      </form>
      <SchoolsTable schools={result.results} canWrite={writable} rootDomain={rootDomain} searching={filtered} />
      {result.count > 0 ? (
        <Pagination page={result.page} pageSize={PAGE_SIZE} count={result.count} basePath={BASE_PATH} query={query} />
      ) : null}
    </>
  );
}
