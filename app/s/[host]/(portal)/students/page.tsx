// Students: search, class filter, sorting and pages over GET /api/v1/school/students/'s own query
// (listStudents), with write controls only for users whose roles allow them (the actions check again).
import type { Metadata } from "next";
import { SORT_OPTIONS } from "@/lib/pages/sort-options";
import { Combobox } from "@/components/ui/combobox";
import { ListEmpty } from "@/components/ui/empty-state";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { NoAccess } from "@/components/portal/no-access";
import { NewStudentButton } from "@/components/portal/students/student-form-dialog";
import { StudentsTable } from "@/components/portal/students/students-table";
import { keptParams, listPage, listQueryOf } from "@/lib/pages/list-page";
import { searchClassesAction } from "@/lib/portal/actions/picker-actions";
import { portalContext } from "@/lib/portal/portal-context";
import { StudentListQuery } from "@/lib/school/school-schemas";
import { classNames } from "@/lib/school/names";
import { listStudents } from "@/lib/school/students";

export const metadata: Metadata = { title: "Students" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/students";
/** The class filter's "none": students without a class (GET /students/?class=null). */
const NO_CLASS = { id: "null", label: "No class" };
export default async function StudentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { school, can } = await portalContext();
  if (!can("students.view")) return <NoAccess section="Students" permission="students.view" />;
  const params = await searchParams;
  const mayViewClasses = can("classes.view");
  const kept = keptParams(params, mayViewClasses ? ["search", "class", "ordering"] : ["search", "ordering"]);
  const query = listQueryOf(StudentListQuery, mayViewClasses ? params : { ...params, class: undefined });
  const result = await listPage(BASE_PATH, kept, () => listStudents({ schoolId: school.id, ...query }));
  // Class names only for those who may see classes (as GET /classes/ would demand).
  const names = mayViewClasses
    ? await classNames({ schoolId: school.id, ids: [...result.results.map((s) => s.class), query.class ?? null] })
    : null;
  const filterClass =
    query.class === null ? NO_CLASS : query.class && names?.[query.class] ? { id: query.class, label: names[query.class].name } : null;
  const canAdd = can("students.add");
  const filtered = Boolean(kept.search || kept.class);
  return (
    <>
      <PageHeader
        title="Students"
        description={`The students of ${school.name}.`}
        actions={canAdd ? <NewStudentButton canPickClass={mayViewClasses} /> : undefined}
      />
      <ListToolbar
        basePath={BASE_PATH}
        label="Search students"
        search={{ value: kept.search ?? "", placeholder: "Name or admission number" }}
        filters={
          mayViewClasses ? (
            <Combobox
              label="Class"
              name="class"
              placeholder="Any class"
              defaultValue={filterClass}
              search={searchClassesAction}
              noneOption={NO_CLASS}
              className="sm:w-64"
            />
          ) : undefined
        }
        sort={{ value: kept.ordering ?? "", options: SORT_OPTIONS.students }}
        active={filtered}
      />
      <StudentsTable
        students={result.results}
        classNames={names}
        canChange={can("students.change")}
        canDelete={can("students.delete")}
        empty={
          <ListEmpty
            filtered={filtered}
            what="students"
            clearHref={BASE_PATH}
            action={canAdd ? <NewStudentButton canPickClass={mayViewClasses} /> : undefined}
          >
            {canAdd ? "Add the first student of the school." : "Students appear here once staff with the right role add them."}
          </ListEmpty>
        }
      />
      <Pagination page={result.page} pageSize={result.pageSize} count={result.count} basePath={BASE_PATH} query={kept} />
    </>
  );
}
