// The audit log's filters, for the console and the portal: who, what (one action or a whole group
// of them, from the catalogue), about what (a kind of object; a row's target link narrows to one
// object), in which school (console), and when — in the viewer's own time zone. One GET form.
import type { ReactNode } from "react";
import { AUDIT_GROUPS, AUDIT_TARGET_TYPES, AUDIT_TARGET_TYPE_LABELS, auditActionsOf } from "@/lib/audit/actions";
import type { FieldErrors } from "@/lib/http/api-error";
import type { AuditFilterValues } from "@/lib/pages/audit-page";
import { DateTimeField } from "@/components/ui/date-time-field";
import { SelectField, TextField } from "@/components/ui/field";
import { ListToolbar } from "@/components/ui/list-toolbar";

/** The action choices of a trail: each group as a whole, then its actions one by one. */
function actionGroups(trail: "platform" | "school") {
  const actions = auditActionsOf(trail);
  return AUDIT_GROUPS.map((group) => ({ group, actions: actions.filter((a) => a.group === group) })).filter((g) => g.actions.length);
}

export function AuditFilters({
  trail,
  basePath,
  values,
  errors,
  school,
  targetNote,
}: {
  trail: "platform" | "school";
  basePath: string;
  values: AuditFilterValues;
  errors: FieldErrors;
  /** The console's school picker. */
  school?: ReactNode;
  /** When the list is narrowed to one object: what it is, to say so. */
  targetNote?: string;
}) {
  const err = (field: string) => errors[field]?.join(" ");
  const groups = actionGroups(trail);
  const known = new Set(groups.flatMap((g) => [g.actions.map((a) => a.action).join(","), ...g.actions.map((a) => a.action)]));
  return (
    <ListToolbar
      basePath={basePath}
      label="Filter the audit log"
      active={Object.values(values).some(Boolean)}
      filters={
        <>
          <TextField label="Who" name="actor" defaultValue={values.actor} placeholder="Email, phone or id" error={err("actor")} />
          <SelectField label="What" name="action" defaultValue={values.action} error={err("action")}>
            <option value="">Any action</option>
            {values.action && !known.has(values.action) ? <option value={values.action}>{values.action}</option> : null}
            {groups.map(({ group, actions }) => (
              <optgroup key={group} label={group}>
                <option value={actions.map((a) => a.action).join(",")}>All: {group.toLowerCase()}</option>
                {actions.map((a) => (
                  <option key={a.action} value={a.action}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <SelectField label="About" name="target_type" defaultValue={values.target_type} error={err("target_type")}>
            <option value="">Anything</option>
            {AUDIT_TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {AUDIT_TARGET_TYPE_LABELS[type]}
              </option>
            ))}
          </SelectField>
          {school}
          <DateTimeField label="Since" name="since" edge="start" defaultValue={values.since} error={err("since")} />
          <DateTimeField label="Until" name="until" edge="end" defaultValue={values.until} error={err("until")} />
          {values.target ? (
            <p className="text-sm text-slate-700 sm:basis-full">
              <input type="hidden" name="target" value={values.target} />
              Only events about <strong className="break-words">{targetNote ?? values.target}</strong>.{" "}
              {err("target") ? <span className="text-red-700">{err("target")}</span> : null}
            </p>
          ) : null}
          <input type="hidden" name="ordering" value={values.ordering} />
        </>
      }
    />
  );
}
