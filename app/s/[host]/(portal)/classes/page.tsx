// Classes: search and pages over GET /api/v1/school/classes/'s own query (listClasses), with
// write controls only for users whose roles allow them (the actions check again).
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ListSearch } from "@/components/portal/list-search";
import { NoAccess } from "@/components/portal/no-access";
import { ClassesTable } from "@/components/portal/classes/classes-table";
import { NewClassButton } from "@/components/portal/classes/class-form-dialog";
import { allRows, listPage, listQueryOf } from "@/lib/pages/list-page";
import { portalContext } from "@/lib/portal/portal-context";
import { ClassListQuery } from "@/lib/school/school-schemas";
import { listClasses } from "@/lib/school/classes";
import { listStaff } from "@/lib/school/staff";

export const metadata: Metadata = { title: "Classes" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/classes";

export default async function ClassesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { school, can } = await portalContext();
  if (!can("classes.view")) return <NoAccess section="Classes" permission="classes.view" />;
  const params = await searchParams;
  const query = listQueryOf(ClassListQuery, params);
  const search = query.search ?? "";
  const result = await listPage(BASE_PATH, { search }, () => listClasses({ schoolId: school.id, ...query }));
  // Teachers' names only for those who may see the staff (as GET /users/ would demand).
  const staff = can("users.view")
    ? (await allRows((page) => listStaff({ schoolId: school.id, page }))).map((u) => ({
        id: u.id,
        name: u.full_name || u.email || u.phone || u.id,
        active: u.is_active,
      }))
    : null;
  return (
    <>
      <PageHeader
        title="Classes"
        description={`The classes of ${school.name} and their teachers.`}
        actions={can("classes.add") ? <NewClassButton staff={staff} /> : undefined}
      />
      <ListSearch basePath={BASE_PATH} label="Classes" search={search} placeholder="Class name" />
      <ClassesTable
        classes={result.results}
        staff={staff}
        canChange={can("classes.change")}
        canDelete={can("classes.delete")}
        searching={Boolean(search)}
      />
      {result.count > 0 ? (
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          count={result.count}
          basePath={BASE_PATH}
          query={{ search: search || undefined }}
        />
      ) : null}
    </>
  );
}
