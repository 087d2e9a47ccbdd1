// Students: search and pages over GET /api/v1/school/students/'s own query (listStudents), with
// write controls only for users whose roles allow them (the actions check again).
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ListSearch } from "@/components/portal/list-search";
import { NoAccess } from "@/components/portal/no-access";
import { NewStudentButton } from "@/components/portal/students/student-form-dialog";
import { StudentsTable } from "@/components/portal/students/students-table";
import { allRows, listPage, listQueryOf } from "@/lib/pages/list-page";
import { portalContext } from "@/lib/portal/portal-context";
import { StudentListQuery } from "@/lib/school/school-schemas";
import { listClasses } from "@/lib/school/classes";
import { listStudents } from "@/lib/school/students";

export const metadata: Metadata = { title: "Students" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/students";

export default async function StudentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { school, can } = await portalContext();
  if (!can("students.view")) return <NoAccess section="Students" permission="students.view" />;
  const params = await searchParams;
  const query = listQueryOf(StudentListQuery, params);
  const search = query.search ?? "";
  const result = await listPage(BASE_PATH, { search }, () => listStudents({ schoolId: school.id, ...query }));
  // Class names only for those who may see classes (as GET /classes/ would demand).
  const classes = can("classes.view")
    ? (await allRows((page) => listClasses({ schoolId: school.id, page }))).map(({ id, name, grade }) => ({ id, name, grade }))
    : null;
  const canAdd = can("students.add");
  return (
    <>
      <PageHeader
        title="Students"
        description={`The students of ${school.name}.`}
        actions={canAdd ? <NewStudentButton classes={classes} /> : undefined}
      />
      <ListSearch basePath={BASE_PATH} label="Students" search={search} placeholder="Name or admission number" />
      <StudentsTable
        students={result.results}
        classes={classes}
        canChange={can("students.change")}
        canDelete={can("students.delete")}
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
