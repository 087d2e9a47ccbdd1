"use client";
// The platform staff list, sortable by the columns GET /system/users/ orders by; each name opens
// that person's page. Superadmins get each row's controls, the same as on that page
// (PlatformStaffActions).
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { Badge, UserStatusBadge } from "@/components/ui/badge";
import { DataTable, type Columns, actionsColumn } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";
import { PlatformStaffActions } from "@/components/console/platform-staff/platform-staff-actions";
import { ROLE_TONES, displayName, roleLabel, type StaffRow } from "@/components/console/platform-staff/platform-roles";

const column = createColumnHelper<StaffRow>();

export function PlatformStaffTable({
  rows,
  canManage,
  currentUserId,
  rules,
  empty,
}: {
  rows: StaffRow[];
  /** Whether the viewer may change platform staff (a superadmin). */
  canManage: boolean;
  currentUserId: string;
  rules: InputRules;
  empty: ReactNode;
}) {
  // Made once per set of inputs, not per render: TanStack renders a cell function as a component, so
  // a new one would remount every row's actions on each refresh (and lose the focus on their buttons).
  const { passwordMinLength, region, rootDomain } = rules;
  const columns = useMemo<Columns<StaffRow>>(() => {
    const rules = { passwordMinLength, region, rootDomain };
    return [
      column.accessor("full_name", {
        header: "Name",
        meta: { card: "title", sortField: "full_name" },
        cell: ({ row: { original: u } }) => (
          <span>
            <Link href={`/console/staff/${u.id}`} className="font-medium underline-offset-4 hover:underline">
              {displayName(u)}
            </Link>{" "}
            {u.id === currentUserId ? <Badge>You</Badge> : null}
          </span>
        ),
      }),
      column.accessor("email", {
        header: "Email and phone",
        meta: { sortField: "email" },
        cell: ({ row: { original: u } }) => (
          <div className="break-words">
            {u.email ? <div>{u.email}</div> : null}
            {u.phone ? <div className={u.email ? "text-slate-600" : ""}>{u.phone}</div> : null}
          </div>
        ),
      }),
      column.accessor("platform_role", {
        header: "Role",
        cell: ({ row: { original: u } }) => (
          <Badge tone={u.platform_role ? ROLE_TONES[u.platform_role] : "slate"}>{roleLabel(u.platform_role)}</Badge>
        ),
      }),
      column.accessor("status", {
        header: "Status",
        cell: ({ row: { original: u } }) => <UserStatusBadge status={u.status} />,
      }),
      column.accessor("last_login", {
        header: "Last sign-in",
        meta: { sortField: "last_login" },
        cell: ({ row: { original: u } }) => (u.last_login ? <Time iso={u.last_login} /> : <span className="text-slate-600">Never</span>),
      }),
      column.accessor("date_joined", {
        header: "Joined",
        meta: { sortField: "date_joined" },
        cell: ({ row: { original: u } }) => <Time iso={u.date_joined} />,
      }),
      ...(canManage
        ? [
            actionsColumn(column, ({ row: { original: u } }) => (
              <PlatformStaffActions user={u} isSelf={u.id === currentUserId} rules={rules} />
            )),
          ]
        : []),
    ];
  }, [canManage, currentUserId, passwordMinLength, region, rootDomain]);
  // Five controls a row need more room than a tablet gives a table: cards up to a laptop.
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Platform staff"
      empty={empty}
      rowId={(u) => u.id}
      cardsBelow={canManage ? "lg" : "md"}
    />
  );
}
