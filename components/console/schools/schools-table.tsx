"use client";
// The list of schools: name (a link to the school's page), address, status, custom domains, creation time, and — for users who
// may write — the row's actions; sortable by the columns GET /system/clients/ orders by.
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Columns, actionsColumn } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";
import { SchoolRowActions } from "@/components/console/schools/school-row-actions";

export interface SchoolRow {
  id: string;
  name: string;
  slug: string;
  is_active: boolean;
  domains: string[];
  created_at: string;
}

const column = createColumnHelper<SchoolRow>();

export function SchoolsTable({
  schools,
  canWrite,
  rules,
  empty,
}: {
  schools: SchoolRow[];
  canWrite: boolean;
  rules: InputRules;
  empty: ReactNode;
}) {
  // Made once per set of inputs, not per render: TanStack renders a cell function as a component, so
  // a new one would remount every row's actions on each refresh (and lose the focus on their buttons).
  const { passwordMinLength, region, rootDomain } = rules;
  const columns = useMemo<Columns<SchoolRow>>(() => {
    const rules = { passwordMinLength, region, rootDomain };
    return [
      column.accessor("name", {
        header: "School",
        meta: { card: "title", sortField: "name" },
        cell: ({ row: { original: s } }) => (
          <Link href={`/console/schools/${s.id}`} className="font-medium text-slate-900 underline underline-offset-4 hover:text-slate-700">
            {s.name}
          </Link>
        ),
      }),
      column.accessor("slug", {
        header: "Address",
        meta: { sortField: "slug" },
        cell: ({ getValue }) => <span className="break-words font-mono text-xs">{`${getValue()}.${rules.rootDomain}`}</span>,
      }),
      column.accessor("is_active", {
        header: "Status",
        cell: ({ getValue }) => (getValue() ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Suspended</Badge>),
      }),
      column.accessor("domains", {
        header: "Custom domains",
        cell: ({ row }) => {
          const domains = row.original.domains;
          if (!domains.length) return <span className="text-slate-600">None</span>;
          return (
            <ul className="space-y-0.5 break-words font-mono text-xs">
              {domains.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          );
        },
      }),
      column.accessor("created_at", {
        header: "Created",
        meta: { sortField: "created_at" },
        cell: ({ getValue }) => <Time iso={getValue()} />,
      }),
      ...(canWrite ? [actionsColumn(column, ({ row }) => <SchoolRowActions school={row.original} rules={rules} />)] : []),
    ];
  }, [canWrite, passwordMinLength, region, rootDomain]);
  return <DataTable columns={columns} data={schools} caption="Schools" empty={empty} rowId={(s) => s.id} />;
}
