// The names of the objects audit events are about (`target_label`), read when the trail is read:
// a school's name, a user's full name (or email, or phone), an API key's, a role's, a student's
// "First Last", a class's, a role assignment as "<user> as <role>". One query per kind of object
// for the whole page, never one per event.
//
// A target that no longer exists keeps the name the trail kept for it: the event's own
// `metadata.name`, else the one its deletion event stored (deleting writers store it). A school's
// trail reads through the school's row-level security and names that school in every WHERE
// clause, so it names only its own objects: an object of another school, a platform account or a
// global key is no more named there than an unknown one (as its actors are: README, "a school's
// audit trail names only its own users"). What the event's metadata says was visible anyway.
import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/http/ids";
import { AUDIT_ACTIONS, type AuditTargetType } from "@/lib/audit/actions";

/** A user as the trail names them: full name, else email, else phone. */
export function userName(user: { fullName: string; email: string | null; phone: string | null }): string | null {
  return user.fullName.trim() || user.email || user.phone;
}

export function studentName(student: { firstName: string; lastName: string }): string {
  return `${student.firstName} ${student.lastName}`.trim();
}

/** A role assignment as the trail names it. */
export function assignmentName(user: string, role: string): string {
  return `${user} as ${role}`;
}

/** The app's client, or a transaction of it (a school's, under row-level security). */
export type LabelDb = Pick<Db, "client" | "user" | "apiKey" | "schoolRole" | "student" | "schoolClass" | "auditEvent">;

interface LabelledEvent {
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
}

// The kinds of target whose rows have a name, and where a deleted one's name is kept.
type Named = Exclude<AuditTargetType, "session">;
const NAMED: ReadonlySet<string> = new Set<Named>(["client", "user", "api_key", "role", "role_assignment", "student", "class"]);

const field = (metadata: unknown, key: string): unknown =>
  metadata !== null && typeof metadata === "object" && !Array.isArray(metadata) ? (metadata as Record<string, unknown>)[key] : undefined;

const storedName = (metadata: unknown): string | null => {
  const name = field(metadata, "name");
  return typeof name === "string" && name.trim() ? name : null;
};

const idIn = (metadata: unknown, key: string): string | null => {
  const v = field(metadata, key);
  return typeof v === "string" && isId(v) ? v.toLowerCase() : null;
};

const key = (type: string, id: string) => `${type}:${id}`;

// The deletions, which store the name of what they deleted: named in full, so that finding them
// is a look-up in the trail's index on action, not a scan of the whole trail.
const DELETIONS = AUDIT_ACTIONS.map((a) => a.action).filter((action) => action.endsWith(".deleted"));

/**
 * The target label of each of `events` (same order). `schoolId`: a school's trail — every lookup
 * is confined to that school (and `db` should be its row-level-security transaction).
 */
export async function targetLabels(db: LabelDb, events: LabelledEvent[], schoolId: string | null): Promise<(string | null)[]> {
  const wanted = new Map<Named, Set<string>>();
  const want = (type: Named, id: string | null) => {
    if (id) wanted.set(type, (wanted.get(type) ?? new Set()).add(id));
  };
  for (const e of events) {
    if (!e.targetType || !NAMED.has(e.targetType) || !isId(e.targetId)) continue;
    const id = e.targetId!.toLowerCase();
    if (e.targetType === "role_assignment") {
      // Assignments are named by their user and role, which their events keep as ids.
      want("user", idIn(e.metadata, "user"));
      want("role", idIn(e.metadata, "role"));
    } else want(e.targetType as Named, id);
  }

  const inSchool = schoolId ? { clientId: schoolId } : {};
  const ids = (type: Named) => [...(wanted.get(type) ?? [])];
  const lookups: { [T in Named]?: () => Promise<[string, string | null][]> } = {
    client: async () =>
      (
        await db.client.findMany({
          where: { id: { in: ids("client") }, ...(schoolId ? { AND: { id: schoolId } } : {}) },
          select: { id: true, name: true },
        })
      ).map((c) => [c.id, c.name]),
    user: async () =>
      (
        await db.user.findMany({
          where: { id: { in: ids("user") }, ...inSchool },
          select: { id: true, fullName: true, email: true, phone: true },
        })
      ).map((u) => [u.id, userName(u)]),
    api_key: async () =>
      (await db.apiKey.findMany({ where: { id: { in: ids("api_key") }, ...inSchool }, select: { id: true, name: true } })).map((k) => [
        k.id,
        k.name,
      ]),
    role: async () =>
      (await db.schoolRole.findMany({ where: { id: { in: ids("role") }, ...inSchool }, select: { id: true, name: true } })).map((r) => [
        r.id,
        r.name,
      ]),
    student: async () =>
      (
        await db.student.findMany({
          where: { id: { in: ids("student") }, ...inSchool },
          select: { id: true, firstName: true, lastName: true },
        })
      ).map((s) => [s.id, studentName(s)]),
    class: async () =>
      (await db.schoolClass.findMany({ where: { id: { in: ids("class") }, ...inSchool }, select: { id: true, name: true } })).map((c) => [
        c.id,
        c.name,
      ]),
  };
  const live = new Map<string, string | null>();
  const found = await Promise.all([...wanted.keys()].map(async (type) => ({ type, rows: await lookups[type]!() })));
  for (const { type, rows } of found) for (const [id, name] of rows) live.set(key(type, id), name);

  const liveName = (e: LabelledEvent): string | null => {
    const id = e.targetId!.toLowerCase();
    if (e.targetType !== "role_assignment") return live.get(key(e.targetType!, id)) ?? null;
    const user = idIn(e.metadata, "user");
    const role = idIn(e.metadata, "role");
    const userLabel = user ? live.get(key("user", user)) : null;
    const roleLabel = role ? live.get(key("role", role)) : null;
    return userLabel && roleLabel ? assignmentName(userLabel, roleLabel) : null;
  };

  const labels = events.map((e) =>
    e.targetType && NAMED.has(e.targetType) && isId(e.targetId) ? (liveName(e) ?? storedName(e.metadata)) : storedName(e.metadata),
  );

  // Targets gone without a name in their own event: the name their deletion event kept, if any
  // (one query for the page; a target is deleted once). In a school's trail, only its own.
  const gone = events.filter((e, i) => labels[i] === null && e.targetType && NAMED.has(e.targetType) && isId(e.targetId));
  if (gone.length > 0) {
    const deletions = await db.auditEvent.findMany({
      where: {
        targetId: { in: [...new Set(gone.map((e) => e.targetId!.toLowerCase()))] },
        targetType: { in: [...new Set(gone.map((e) => e.targetType!))] },
        action: { in: DELETIONS },
        ...(schoolId ? { clientId: schoolId } : {}),
      },
      select: { targetType: true, targetId: true, metadata: true },
      orderBy: [{ at: "desc" }, { id: "desc" }],
    });
    const kept = new Map<string, string>();
    for (const d of deletions) {
      const name = storedName(d.metadata);
      if (name && d.targetType && d.targetId && !kept.has(key(d.targetType, d.targetId))) kept.set(key(d.targetType, d.targetId), name);
    }
    events.forEach((e, i) => {
      if (labels[i] === null && e.targetType && e.targetId) labels[i] = kept.get(key(e.targetType, e.targetId.toLowerCase())) ?? null;
    });
  }
  return labels;
}
