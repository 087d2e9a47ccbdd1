"use client";
// A staff member's roles on their page: each grant with its term ("until 31 Mar 2027", "from
// 1 Apr 2027", "ended"), "Change term" (PATCH /role-assignments/{id}/, so nobody removes and re-adds
// a grant to move its end), Remove behind a confirmation, and "Add a role" — for good, or for a term
// given as days where the viewer is (from the start of the first, until the end of the last).
// Only roles whose every permission the viewer holds can be given or taken away; the others are
// shown greyed, with why. The server actions are POST / DELETE /role-assignments/'s: they enforce
// the escalation rules and keep the school a full admin, and their refusals show in the dialogs.
import { useMemo, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { z } from "zod";
import { addRoleAction, changeTermAction, removeRoleAction } from "@/lib/portal/actions/school-staff-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { endOfLocalDay, isoToLocalDateTime, localDateTimeToIso, useTimeZone } from "@/components/ui/time";
import { TermText, type RoleTerm } from "@/components/portal/school-staff/role-term";

export interface GrantableRole {
  id: string;
  name: string;
  /** The viewer holds every permission of the role, so may give it or take it away. */
  grantable: boolean;
}

export interface StaffAssignment extends RoleTerm {
  id: string;
  role: GrantableRole;
}

const NOT_YOURS = "grants permissions you do not hold";

const startOfLocalDay = (value: string) => localDateTimeToIso(`${value}T00:00`, "start");

/** A grant's term as the dialogs' two day fields hold it; `starts_at`/`ends_at` the instants it had. */
interface TermDays {
  from: string;
  until: string;
  starts_at: string | null;
  ends_at: string | null;
}
const NO_TERM: TermDays = { from: "", until: "", starts_at: null, ends_at: null };

/**
 * The term of "Add a role" and "Change term" from days where the viewer is: from the start of the
 * first, until the end of the last. A field left as it was keeps its instant (absent from the
 * PATCH); emptied, it is null (at once / no end).
 */
function termOfDays(v: { from: string; until: string }, initial: TermDays) {
  return {
    starts_at: v.from === initial.from ? undefined : v.from ? startOfLocalDay(v.from) : null,
    ends_at: v.until === initial.until ? undefined : v.until ? endOfLocalDay(v.until) : null,
  };
}

function checkDays(v: { from: string; until: string }, ctx: z.RefinementCtx, initial: TermDays) {
  const term = termOfDays(v, initial);
  const starts = term.starts_at === undefined ? initial.starts_at : term.starts_at;
  const ends = term.ends_at === undefined ? initial.ends_at : term.ends_at;
  if (v.from && !startOfLocalDay(v.from)) ctx.addIssue({ code: "custom", path: ["from"], message: "Enter a date." });
  if (v.until && !endOfLocalDay(v.until)) ctx.addIssue({ code: "custom", path: ["until"], message: "Enter a date." });
  if (term.ends_at && new Date(term.ends_at).getTime() <= Date.now()) {
    ctx.addIssue({
      code: "custom",
      path: ["until"],
      message: "The end must be in the future: a grant that has already ended would never work.",
    });
  } else if (ends && starts && ends <= starts) {
    ctx.addIssue({ code: "custom", path: ["until"], message: "The end must come after the start." });
  }
}

const AddRoleForm = z
  .object({ role: z.string().min(1, "Choose a role."), from: z.string(), until: z.string() })
  .superRefine((v, ctx) => checkDays(v, ctx, NO_TERM))
  .transform((v) => ({ role: v.role, ...termOfDays(v, NO_TERM) }));

const termForm = (initial: TermDays) =>
  z
    .object({ from: z.string(), until: z.string() })
    .superRefine((v, ctx) => checkDays(v, ctx, initial))
    .transform((v) => termOfDays(v, initial));

/** "From" and "Until" as days, the same in both dialogs. */
function TermFields({
  from,
  until,
}: {
  from: UseFormRegisterReturn & { error?: string };
  until: UseFormRegisterReturn & { error?: string };
}) {
  const zone = useTimeZone();
  const where = zone === "UTC" ? "UTC" : `your time, ${zone}`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="From (optional)" type="date" hint={`From the start of that day (${where}); empty: at once.`} {...from} />
      <TextField label="Until (optional)" type="date" hint={`To the end of that day (${where}); empty: no end.`} {...until} />
    </div>
  );
}

function AddRoleButton({
  memberId,
  memberName,
  roles,
  assigned,
}: {
  memberId: string;
  memberName: string;
  roles: GrantableRole[];
  /** Role ids the member has a grant of already (one grant per role: change or remove that one). */
  assigned: string[];
}) {
  const [open, setOpen] = useState(false);
  const schema = useMemo(() => AddRoleForm, []);
  const form = useActionForm<z.input<typeof schema>, z.output<typeof schema>, { id: string }>({
    schema,
    defaultValues: { role: "", from: "", until: "" },
    action: (values) => addRoleAction({ user: memberId, ...values }),
    aliases: { starts_at: "from", ends_at: "until" },
    onSuccess: () => {
      setOpen(false);
      form.reset();
    },
  });
  const unavailable = roles.filter((r) => !r.grantable);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Add a role
      </Button>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title={`Add a role to ${memberName}`}
        description="For good, or for a term: an acting Head until the end of March. Outside its term a role gives nothing."
        submitLabel="Add role"
        form={form}
      >
        <SelectField
          label="Role"
          error={form.error("role")}
          hint={
            unavailable.length ? (
              <>
                Greyed roles {NOT_YOURS}, so you cannot give them: {unavailable.map((r) => r.name).join(", ")}.
              </>
            ) : undefined
          }
          {...form.form.register("role")}
        >
          <option value="">Choose a role</option>
          {roles.map((r) => {
            const held = assigned.includes(r.id);
            return (
              <option key={r.id} value={r.id} disabled={!r.grantable || held}>
                {r.name}
                {!r.grantable ? ` — ${NOT_YOURS}` : held ? " — already given" : ""}
              </option>
            );
          })}
        </SelectField>
        <TermFields
          from={{ ...form.form.register("from"), error: form.error("from") }}
          until={{ ...form.form.register("until"), error: form.error("until") }}
        />
      </FormDialog>
    </>
  );
}

/** "Change term": mounted when opened, so the days it starts with are in the viewer's own zone. */
function ChangeTermDialog({
  assignment,
  memberName,
  onOpenChange,
}: {
  assignment: StaffAssignment;
  memberName: string;
  onOpenChange: (open: boolean) => void;
}) {
  const zone = useTimeZone();
  const initial = useMemo<TermDays>(() => {
    const day = (iso: string | null) => (iso ? isoToLocalDateTime(iso, zone).slice(0, 10) : "");
    return {
      from: day(assignment.starts_at),
      until: day(assignment.ends_at),
      starts_at: assignment.starts_at,
      ends_at: assignment.ends_at,
    };
  }, [assignment, zone]);
  const schema = useMemo(() => termForm(initial), [initial]);
  const form = useActionForm<z.input<typeof schema>, z.output<typeof schema>, { id: string }>({
    schema,
    defaultValues: { from: initial.from, until: initial.until },
    action: (term) => changeTermAction({ id: assignment.id, term }),
    aliases: { starts_at: "from", ends_at: "until", "term.starts_at": "from", "term.ends_at": "until" },
    onSuccess: () => onOpenChange(false),
  });
  return (
    <FormDialog
      open
      onOpenChange={onOpenChange}
      title={`Change the term of ${assignment.role.name}`}
      description={
        <>
          When the {assignment.role.name} role of <strong>{memberName}</strong> works. Empty both for good. Outside its term a role gives
          nothing.
        </>
      }
      submitLabel="Save term"
      form={form}
    >
      <TermFields
        from={{ ...form.form.register("from"), error: form.error("from") }}
        until={{ ...form.form.register("until"), error: form.error("until") }}
      />
    </FormDialog>
  );
}

function ChangeTermButton({ assignment, memberName }: { assignment: StaffAssignment; memberName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <RowButton name={`${assignment.role.name} of ${memberName}`} onClick={() => setOpen(true)}>
        Change term
      </RowButton>
      {open ? <ChangeTermDialog assignment={assignment} memberName={memberName} onOpenChange={setOpen} /> : null}
    </>
  );
}

export function StaffRoles({
  memberId,
  memberName,
  assignments,
  roles,
  canChangeRoles,
}: {
  memberId: string;
  memberName: string;
  assignments: StaffAssignment[];
  /** The school's roles, each with whether the viewer may give it. */
  roles: GrantableRole[];
  canChangeRoles: boolean;
}) {
  return (
    <section aria-labelledby="staff-roles" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="staff-roles" className="text-lg font-semibold">
          Roles
        </h2>
        {canChangeRoles ? (
          <AddRoleButton memberId={memberId} memberName={memberName} roles={roles} assigned={assignments.map((a) => a.role.id)} />
        ) : null}
      </div>
      {assignments.length ? (
        <ul className="mt-3 divide-y divide-slate-200" aria-label={`Roles of ${memberName}`}>
          {assignments.map((a) => {
            const label = `${a.role.name} of ${memberName}`;
            return (
              <li key={a.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="break-words font-medium">
                    {a.role.name}{" "}
                    {a.state === "ended" ? (
                      <Badge tone="red">Ended</Badge>
                    ) : a.state === "upcoming" ? (
                      <Badge tone="amber">Not yet</Badge>
                    ) : null}
                  </p>
                  <p className="text-sm text-slate-700">{a.starts_at || a.ends_at ? <TermText term={a} /> : "No end"}</p>
                  {canChangeRoles && !a.role.grantable ? (
                    <p className="text-xs text-slate-600">You cannot take this role away: it {NOT_YOURS}.</p>
                  ) : null}
                </div>
                {canChangeRoles && a.role.grantable ? (
                  // On a phone the row stacks: the button keeps its own width.
                  <div className="self-start sm:self-auto">
                    <RowActions>
                      <ChangeTermButton assignment={a} memberName={memberName} />
                      <RowConfirm
                        name={label}
                        label="Remove"
                        title={`Remove ${a.role.name} from ${memberName}?`}
                        description={
                          <>
                            <strong>{memberName}</strong> loses what the {a.role.name} role lets them do at once. You can give it again
                            later.
                          </>
                        }
                        confirmLabel="Remove role"
                        action={() => removeRoleAction({ id: a.id })}
                      />
                    </RowActions>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">No roles: they can sign in but do nothing yet.</p>
      )}
      {!canChangeRoles ? (
        <p className="mt-3 text-xs text-slate-600">Giving or taking away roles needs the roles.change permission.</p>
      ) : null}
    </section>
  );
}
