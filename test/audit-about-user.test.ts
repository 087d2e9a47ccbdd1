// A person's story on their staff page ("Recent changes to Dana"): the events about the user and
// about their role assignments — which are their own audit targets, naming the user in their
// metadata — and nothing about anyone else, nor from another school.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { listSchoolAuditEvents } from "@/lib/audit/list-audit";
import { call, makeSchool, makeStaff } from "./helpers/school-api";

const actionsAbout = async (schoolId: string, userId: string) =>
  (await listSchoolAuditEvents({ schoolId, aboutUser: userId, page: { page: 1, pageSize: 50 } })).results.map((e) => e.action).sort();

describe("audit: a person's story (aboutUser)", () => {
  it("has the user's own events and their grants' events, not a colleague's", async () => {
    const school = await makeSchool();
    const dana = await makeStaff(school, ["Teacher"]);
    const colleague = await makeStaff(school, ["Teacher"]);
    const renamed = await call(school.admin.caller, "PATCH", `/users/${dana.id}/`, { full_name: "Dana Story" });
    assert.equal(renamed.status, 200, renamed.text);
    const granted = await call(school.admin.caller, "POST", "/role-assignments/", { user: dana.id, role: school.roles.Head });
    assert.equal(granted.status, 201, granted.text);
    const removed = await call(school.admin.caller, "DELETE", `/role-assignments/${granted.body.id}/`);
    assert.equal(removed.status, 204, removed.text);
    const other = await call(school.admin.caller, "POST", "/role-assignments/", { user: colleague.id, role: school.roles.Head });
    assert.equal(other.status, 201, other.text);

    const about = await actionsAbout(school.id, dana.id);
    assert.deepEqual(
      about.filter((a) => !a.startsWith("school.login")),
      ["school.role_assignment.created", "school.role_assignment.deleted", "school.user.updated"],
    );
    assert.deepEqual(
      (await actionsAbout(school.id, colleague.id)).filter((a) => !a.startsWith("school.login")),
      ["school.role_assignment.created"],
    );
  });

  it("reads only its school's trail", async () => {
    const home = await makeSchool();
    const away = await makeSchool();
    const dana = await makeStaff(home, ["Teacher"]);
    const granted = await call(home.admin.caller, "POST", "/role-assignments/", { user: dana.id, role: home.roles.Head });
    assert.equal(granted.status, 201, granted.text);
    assert.deepEqual(await actionsAbout(away.id, dana.id), []);
  });
});
