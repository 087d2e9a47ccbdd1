"use client";
// The list of schools (TanStack Table through DataTable): name and slug, status, custom domains,
// creation date, and — for users who may write — the row's actions.
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type Columns } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { SchoolRowActions } from "@/components/console/schools/school-row-actions";

export interface SchoolRow {
  id: string;
  name: string;
  slug: string;
  is_active: boolean;
  domains: string[];
  created_at: string;
}

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const column = createColumnHelper<SchoolRow>();

export function SchoolsTable({
  schools,
  canWrite,
  rootDomain,
  searching,
}: {
  schools: SchoolRow[];
  canWrite: boolean;
  rootDomain: string;
  searching: boolean;
}) {
  const columns = useMemo(() => {
    const list: Columns<SchoolRow> = [
      column.accessor("name", {
        header: "School",
        cell: ({ row }) => (
          <div>
            <p className="font-medium text-slate-900">{row.original.name}</p>
            <p className="font-mono text-xs text-slate-500">
              {row.original.slug}.{rootDomain}
            </p>
          </div>
        ),
      }),
      column.accessor("is_active", {
        header: "Status",
        cell: ({ getValue }) => (getValue() ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Suspended</Badge>),
      }),
      column.accessor("domains", {
        header: "Custom domains",
        cell: ({ getValue }) => {
          const domains = getValue<string[]>();
          if (!domains.length)
            return (
              <span className="relative text-slate-400">
                —<span className="sr-only">none</span>
              </span>
            );
          return (
            <ul className="space-y-0.5 font-mono text-xs">
              {domains.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          );
        },
      }),
      column.accessor("created_at", {
        header: "Created",
        cell: ({ getValue }) => (
          <time dateTime={getValue()} className="whitespace-nowrap text-slate-600">
            {DATE.format(new Date(getValue()))}
          </time>
        ),
      }),
    ];
    if (canWrite) {
      list.push(
        column.display({
          id: "actions",
          header: () => (
            <span className="relative block">
              <span className="sr-only">Actions</span>
            </span>
          ),
          cell: ({ row }) => <SchoolRowActions school={row.original} />,
        }),
      );
    }
    return list;
  }, [canWrite, rootDomain]);

  return (
    <DataTable
      columns={columns}
      data={schools}
      caption="Schools"
      empty={
        searching ? (
          <>
            No schools match this search.{" "}
            <Link href="/console/schools" className="font-medium text-slate-900 underline underline-offset-4">
              Show all schools
            </Link>
          </>
        ) : (
          <>No schools yet.{canWrite ? " Create the first one with “New school”." : ""}</>
        )
      }
    />
  );
}
