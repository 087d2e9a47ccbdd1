// Classes: search, grade and teacher filters, sorting and pages over GET /api/v1/school/classes/'s
// own query (listClasses), with write controls only for users whose roles allow them (the actions
// check again). Teachers are named for the page's rows only (staffNames), never the whole staff.
import type { Metadata } from "next";
import { Combobox } from "@/components/ui/combobox";
import { searchStaffAction } from "@/lib/portal/actions/picker-actions";
import { SORT_OPTIONS } from "@/lib/pages/sort-options";
import { ListEmpty } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { NoAccess } from "@/components/portal/no-access";
import { ClassesTable } from "@/components/portal/classes/classes-table";
import { NewClassButton } from "@/components/portal/classes/class-form-dialog";
import { keptParams, listPage, listQueryOf } from "@/lib/pages/list-page";
import { portalContext } from "@/lib/portal/portal-context";
import { ClassBody, ClassListQuery } from "@/lib/school/school-schemas";
import { listClasses } from "@/lib/school/classes";
import { staffNames } from "@/lib/school/names";

export const metadata: Metadata = { title: "Classes" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/classes";
// The grades a class may have, as the body bounds them.
const { minValue, maxValue } = ClassBody.shape.grade;
const GRADES = Array.from({ length: (maxValue ?? 0) - (minValue ?? 0) + 1 }, (_, i) => (minValue ?? 0) + i);

export default async function ClassesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { school, can } = await portalContext();
  if (!can("classes.view")) return <NoAccess section="Classes" permission="classes.view" />;
  const params = await searchParams;
  // Teachers only for those who may see the staff (as GET /users/ would demand).
  const mayViewStaff = can("users.view");
  const kept = keptParams(params, mayViewStaff ? ["search", "grade", "teacher", "ordering"] : ["search", "grade", "ordering"]);
  const query = listQueryOf(ClassListQuery, mayViewStaff ? params : { ...params, teacher: undefined });
  const result = await listPage(BASE_PATH, kept, () => listClasses({ schoolId: school.id, ...query }));
  const names = mayViewStaff
    ? await staffNames({ schoolId: school.id, ids: [...result.results.map((c) => c.teacher), query.teacher ?? null] })
    : null;
  const filterTeacher = query.teacher && names?.[query.teacher] ? { id: query.teacher, label: names[query.teacher].name } : null;
  const canAdd = can("classes.add");
  const filtered = Boolean(kept.search || kept.grade || kept.teacher);
  const newButton = canAdd ? <NewClassButton canPickTeacher={mayViewStaff} /> : undefined;
  return (
    <>
      <PageHeader title="Classes" description={`The classes of ${school.name} and their teachers.`} actions={newButton} />
      <ListToolbar
        basePath={BASE_PATH}
        label="Search classes"
        search={{ value: kept.search ?? "", placeholder: "Class name" }}
        filters={
          <>
            <div className="sm:w-40">
              <SelectField label="Grade" name="grade" defaultValue={query.grade === undefined ? "" : String(query.grade)}>
                <option value="">Any grade</option>
                {GRADES.map((g) => (
                  <option key={g} value={g}>
                    Grade {g}
                  </option>
                ))}
              </SelectField>
            </div>
            {mayViewStaff ? (
              <Combobox
                label="Teacher"
                name="teacher"
                placeholder="Any teacher"
                defaultValue={filterTeacher}
                search={searchStaffAction}
                className="sm:w-64"
              />
            ) : null}
          </>
        }
        sort={{ value: kept.ordering ?? "", options: SORT_OPTIONS.classes }}
        active={filtered}
      />
      <ClassesTable
        classes={result.results}
        teacherNames={names}
        canChange={can("classes.change")}
        canDelete={can("classes.delete")}
        empty={
          <ListEmpty filtered={filtered} what="classes" clearHref={BASE_PATH} action={newButton}>
            {canAdd
              ? "Create the first class, then put students in it."
              : "Classes appear here once someone with the right role creates them."}
          </ListEmpty>
        }
      />
      <Pagination page={result.page} pageSize={result.pageSize} count={result.count} basePath={BASE_PATH} query={kept} />
    </>
  );
}
