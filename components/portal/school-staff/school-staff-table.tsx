"use client";
// The staff list: name (a link to their page, and teacher profile), contact, roles (with their
// terms: "Head · until 31 Mar"), status and last sign-in, sortable by the columns the API orders
// by. Users who may change staff get the shared StaffActions (Edit, Deactivate / Reactivate).
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { Badge, UserStatusBadge } from "@/components/ui/badge";
import { DataTable, type Columns, actionsColumn } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";
import { staffName, type RoleChoice } from "@/components/portal/school-staff/staff-form-dialog";
import { StaffActions, type StaffMember } from "@/components/portal/school-staff/staff-actions";
import { TermText, type RoleTerm } from "@/components/portal/school-staff/role-term";

export interface StaffListRow extends StaffMember {
  /** Grants with a term not yet ended (the staff object's role_terms). */
  terms: (RoleTerm & { role: string })[];
}

/** The roles held now, each with its end if it has one, then the grants still to start. */
function RoleBadges({ member }: { member: StaffListRow }) {
  const held = member.roles.map((name) => ({ name, term: member.terms.find((t) => t.role === name && t.state === "live") }));
  const upcoming = member.terms.filter((t) => t.state === "upcoming").map((term) => ({ name: term.role, term }));
  const all = [...held, ...upcoming];
  if (!all.length) return <span className="text-slate-600">None</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Roles">
      {all.map(({ name, term }) => (
        <li key={`${name}-${term?.state ?? "open"}`}>
          <Badge tone={term?.state === "upcoming" ? "amber" : "slate"}>
            {/* One span: a flex badge would trim the spaces around the dot. */}
            <span>
              {name}
              {term ? (
                <>
                  {" · "}
                  <TermText term={term} withYear={false} />
                </>
              ) : null}
            </span>
          </Badge>
        </li>
      ))}
    </ul>
  );
}

const column = createColumnHelper<StaffListRow>();

export function SchoolStaffTable({
  staff,
  rules,
  roles,
  canChange,
  canChangeRoles,
  canInvite,
  empty,
}: {
  staff: StaffListRow[];
  rules: InputRules;
  /** The school's roles as the edit form offers them. */
  roles: RoleChoice[];
  canChange: boolean;
  canChangeRoles: boolean;
  canInvite: boolean;
  empty: ReactNode;
}) {
  const columns: Columns<StaffListRow> = [
    column.accessor("full_name", {
      header: "Name",
      meta: { card: "title", sortField: "full_name" },
      cell: ({ row: { original: s } }) => (
        <div className="min-w-0">
          <Link href={`/staff/${s.id}`} className="font-medium underline-offset-4 hover:underline">
            {staffName(s)}
          </Link>{" "}
          {s.isSelf ? <Badge>You</Badge> : null}
          {s.teacher ? (
            <p className="break-words text-xs text-slate-600">Teacher · {[s.teacher.employee_number, ...s.teacher.subjects].join(" · ")}</p>
          ) : null}
        </div>
      ),
    }),
    column.accessor("email", {
      header: "Contact",
      meta: { sortField: "email" },
      cell: ({ row: { original: s } }) => (
        <div className="min-w-0 break-words">
          {s.email ? (
            <p>
              {/* A narrow card wraps an address after its @, not inside a word. */}
              {s.email.slice(0, s.email.lastIndexOf("@") + 1)}
              <wbr />
              {s.email.slice(s.email.lastIndexOf("@") + 1)}
            </p>
          ) : null}
          {s.phone ? <p className="text-slate-700">{s.phone}</p> : null}
        </div>
      ),
    }),
    column.accessor("roles", {
      header: "Roles",
      cell: ({ row: { original: s } }) => <RoleBadges member={s} />,
    }),
    column.accessor("status", {
      header: "Status",
      cell: ({ getValue }) => <UserStatusBadge status={getValue()} />,
    }),
    column.accessor("last_login", {
      header: "Last sign-in",
      meta: { sortField: "last_login" },
      cell: ({ getValue }) => {
        const iso = getValue();
        return iso ? <Time iso={iso} /> : <span className="text-slate-600">Never</span>;
      },
    }),
    column.accessor("date_joined", {
      header: "Joined",
      meta: { sortField: "date_joined" },
      cell: ({ getValue }) => <Time iso={getValue()} />,
    }),
    ...(canChange
      ? [
          actionsColumn(column, ({ row }) => (
            <StaffActions member={row.original} rules={rules} roles={roles} canChangeRoles={canChangeRoles} canInvite={canInvite} />
          )),
        ]
      : []),
  ];
  return <DataTable columns={columns} data={staff} caption="Staff" empty={empty} rowId={(s) => s.id} />;
}
