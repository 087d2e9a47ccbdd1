"use client";
// Permissions as a grid: one row per resource, one column per action, a checkbox in each cell
// labelled "<resource>: <action>". Boxes for permissions the user lacks are disabled (nobody
// grants what they do not hold; the server refuses it anyway).
import { ACTIONS, RESOURCES, type Codename } from "@/lib/rbac/catalogue";

const RESOURCE_NAMES: Record<(typeof RESOURCES)[number], string> = {
  users: "Staff (users)",
  roles: "Roles",
  students: "Students",
  classes: "Classes",
};

export function PermissionMatrix({
  value,
  held,
  onChange,
  legend,
  error,
}: {
  value: readonly string[];
  held: readonly string[];
  onChange: (next: string[]) => void;
  legend: string;
  error?: string;
}) {
  const selected = new Set(value);
  const toggle = (codename: Codename, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(codename);
    else next.delete(codename);
    onChange([...next].sort());
  };
  const errorId = error ? "permission-matrix-error" : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="mb-2 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium text-slate-600">
                Resource
              </th>
              {ACTIONS.map((action) => (
                <th key={action} scope="col" className="px-3 py-2 text-center font-medium capitalize text-slate-600">
                  {action}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {RESOURCES.map((resource) => (
              <tr key={resource}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-normal text-slate-800">
                  {RESOURCE_NAMES[resource]}
                </th>
                {ACTIONS.map((action) => {
                  const codename = `${resource}.${action}` as Codename;
                  const lacking = !held.includes(codename);
                  return (
                    <td key={action} className="px-3 py-2 text-center">
                      <input
                        type="checkbox"
                        aria-label={`${resource}: ${action}`}
                        title={lacking ? "You do not hold this permission, so you cannot grant it." : codename}
                        checked={selected.has(codename)}
                        disabled={lacking}
                        onChange={(e) => toggle(codename, e.currentTarget.checked)}
                        className="h-4 w-4 rounded border-slate-300 accent-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900 disabled:cursor-not-allowed disabled:opacity-40"
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
