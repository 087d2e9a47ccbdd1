// Permissions as a grid: one row per resource, one column per action. The role form ticks them
// (PermissionMatrix: a checkbox in each cell labelled "<resource>: <action>", disabled for what
// the user lacks — nobody grants what they do not hold, and the server refuses it anyway); the
// profile shows them (PermissionTable). The grid fits a phone: fixed columns, names that wrap.
// No "use client": the profile renders it on the server, the role form in the browser.
import { useId, type ReactNode } from "react";
import { ACTIONS, RESOURCES, type Codename } from "@/lib/rbac/catalogue";

const RESOURCE_NAMES: Record<(typeof RESOURCES)[number], string> = {
  users: "Staff (users)",
  roles: "Roles",
  students: "Students",
  classes: "Classes",
};

type Resource = (typeof RESOURCES)[number];
type Action = (typeof ACTIONS)[number];

export function PermissionTable({
  caption,
  cell,
}: {
  /** Names the table for screen readers (a visible heading says it to everyone else). */
  caption?: string;
  cell: (codename: Codename, resource: Resource, action: Action) => ReactNode;
}) {
  return (
    <div className="rounded-md border border-slate-200">
      <table className="w-full table-fixed text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="w-[34%] px-2 py-2 text-left font-medium text-slate-700 sm:px-3">
              Resource
            </th>
            {ACTIONS.map((action) => (
              <th key={action} scope="col" className="px-1 py-2 text-center text-xs font-medium capitalize text-slate-700 sm:text-sm">
                {action}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {RESOURCES.map((resource) => (
            <tr key={resource}>
              <th scope="row" className="break-words px-2 py-2 text-left font-normal text-slate-800 sm:px-3">
                {RESOURCE_NAMES[resource]}
              </th>
              {ACTIONS.map((action) => (
                <td key={action} className="px-1 py-2 text-center">
                  {cell(`${resource}.${action}` as Codename, resource, action)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PermissionMatrix({
  value,
  held,
  onChange,
  legend,
  hint,
  error,
}: {
  value: readonly string[];
  held: readonly string[];
  onChange: (next: string[]) => void;
  legend: string;
  hint?: string;
  error?: string;
}) {
  const id = useId();
  const selected = new Set(value);
  const toggle = (codename: Codename, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(codename);
    else next.delete(codename);
    onChange([...next].sort());
  };
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <PermissionTable
        cell={(codename, resource, action) => {
          const lacking = !held.includes(codename);
          return (
            <input
              type="checkbox"
              aria-label={`${resource}: ${action}`}
              title={lacking ? "You do not hold this permission, so you cannot grant it." : codename}
              checked={selected.has(codename)}
              disabled={lacking}
              onChange={(e) => toggle(codename, e.currentTarget.checked)}
              className="h-4 w-4 rounded border-slate-300 accent-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900 disabled:cursor-not-allowed disabled:opacity-40"
            />
          );
        }}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
