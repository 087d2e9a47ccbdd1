"use client";
// Creating a staff member, or editing one. The forms' schemas are the REST bodies' — POST /users/
// (TenantUserCreateBody) and PATCH /users/{id}/ (StaffPatchBody), made for the rules the page
// handed down — with the form's own representation of two things: a blank email or phone is
// "none", and a teacher profile whose fields are both blank is no profile. The server actions
// validate again and have the last word (an email taken, a role beyond the user's reach).
import { useId, useMemo, useState, type ReactNode } from "react";
import { Controller, type Path, type UseFormReturn } from "react-hook-form";
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";
import { createStaffAction, editStaffAction } from "@/lib/portal/actions/school-staff-actions";
import { StaffPatchBody } from "@/lib/school/school-schemas";
import { CONTACT_RULE, TenantUserCreateBody, Teacher } from "@/lib/users/user-schemas";
import { Button } from "@/components/ui/button";
import { ContactFields, blankAs } from "@/components/ui/contact-fields";
import {
  CREDENTIAL_FIELDS,
  CredentialChoiceFields,
  chosenCredential,
  createdNotice,
  type CredentialChoice,
} from "@/components/ui/credential-choice";
import { TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { staffName } from "@/components/portal/school-staff/staff-name";

export interface RoleChoice {
  name: string;
  /** The user holds every permission of the role, so may hand it out (or take it away). */
  grantable: boolean;
}

export interface StaffRow {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  roles: string[];
  teacher: { employee_number: string; subjects: string[] } | null;
  is_active: boolean;
  /** Invited (no password chosen yet), active or deactivated (API §8). */
  status: "invited" | "active" | "inactive";
  last_login: string | null;
  date_joined: string;
}

export { staffName };

/** The teacher profile as the form holds it; both fields blank means none (null). */
const TeacherForm = z
  .object({ employee_number: z.string(), subjects: z.array(z.string()) })
  .transform((t): z.input<typeof Teacher> | null => (t.employee_number.trim() || t.subjects.length ? t : null))
  .pipe(Teacher.nullable());

function createForm(rules: InputRules) {
  const body = TenantUserCreateBody(rules);
  // safeExtend keeps the body's own rule (an email, a phone, or both), with its message.
  return chosenCredential(
    body.safeExtend({
      ...CREDENTIAL_FIELDS,
      full_name: body.shape.full_name.unwrap(),
      roles: body.shape.roles.unwrap(),
      email: blankAs(undefined, body.shape.email),
      phone: blankAs(undefined, body.shape.phone),
      teacher: TeacherForm,
    }),
    rules,
  );
}

function editForm(rules: InputRules) {
  const patch = StaffPatchBody(rules).pick({ full_name: true, email: true, phone: true, roles: true, teacher: true }).required();
  return (
    patch
      .extend({
        email: blankAs(null, patch.shape.email),
        phone: blankAs(null, patch.shape.phone),
        teacher: TeacherForm,
      })
      // An edit keeps the account reachable just as a creation must (PATCH checks it against what
      // is stored; this form always holds both fields).
      .refine(...CONTACT_RULE)
  );
}

/** Both forms' fields; only a new member's form has the invitation-or-password choice. */
interface FormValues {
  full_name: string;
  email: string;
  phone: string;
  credential?: CredentialChoice;
  password?: string;
  roles: string[];
  teacher: { employee_number: string; subjects: string[] };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/** A list field's message: its own, or its first item's (`teacher.subjects.3`). */
function firstMessage(error: unknown): string | undefined {
  if (Array.isArray(error)) return error.map(firstMessage).find(Boolean);
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

/** "United States" for "US": how phone numbers without a country code are read. */
const splitSubjects = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** Subjects typed as one line, separated by commas; the form holds them as the body's list. */
function SubjectsField({ value, onChange, error }: { value: string[]; onChange: (next: string[]) => void; error?: string }) {
  const [text, setText] = useState(value.join(", "));
  return (
    <TextField
      label="Subjects"
      autoComplete="off"
      hint="Separated by commas, e.g. Maths, Physics."
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(splitSubjects(e.target.value));
      }}
      error={error}
    />
  );
}

function RoleCheckboxes<Out>({
  fields,
  roles,
  held,
  error,
}: {
  fields: UseFormReturn<FormValues, unknown, Out>;
  roles: RoleChoice[];
  /** The roles the member holds now (an edit): listed even when the school's list leaves them out. */
  held: string[];
  error?: string;
}) {
  const id = useId();
  const choices = [...roles, ...held.filter((name) => !roles.some((r) => r.name === name)).map((name) => ({ name, grantable: false }))];
  return (
    <Controller
      control={fields.control}
      name="roles"
      render={({ field }) => (
        <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
          <legend className="text-sm font-medium text-slate-800">Roles</legend>
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            What they may do in this school. Greyed roles grant permissions you do not hold, so you can neither hand them out nor take them
            away.
          </p>
          {choices.length ? (
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {choices.map((role) => (
                <label
                  key={role.name}
                  className={`flex min-w-0 items-center gap-2 text-sm ${role.grantable ? "text-slate-900" : "cursor-not-allowed text-slate-600"}`}
                >
                  <input
                    type="checkbox"
                    checked={field.value.includes(role.name)}
                    disabled={!role.grantable}
                    onChange={(e) =>
                      field.onChange(e.currentTarget.checked ? [...field.value, role.name] : field.value.filter((r) => r !== role.name))
                    }
                    className="h-4 w-4 shrink-0 accent-slate-900 disabled:opacity-50"
                  />
                  <span className="min-w-0 break-words">{role.name}</span>
                </label>
              ))}
            </div>
          ) : (
            <p className="mt-2 text-sm text-slate-600">This school has no roles yet: create them on the Roles page.</p>
          )}
          {error ? (
            <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </fieldset>
      )}
    />
  );
}

/** The fields both forms share, in order; `password` goes between the contact and the roles. */
function StaffFields<Out>({
  fields,
  error,
  rules,
  roles,
  member,
  canChangeRoles,
  password,
}: {
  fields: UseFormReturn<FormValues, unknown, Out>;
  error: (field: Path<FormValues>) => string | undefined;
  rules: InputRules;
  roles: RoleChoice[];
  member?: StaffRow;
  canChangeRoles: boolean;
  password?: ReactNode;
}) {
  const id = useId();
  return (
    <>
      <TextField label="Full name" autoComplete="off" error={error("full_name")} {...fields.register("full_name")} />
      <ContactFields
        email={{ error: error("email"), ...fields.register("email") }}
        phone={{ error: error("phone"), ...fields.register("phone") }}
        region={rules.region}
      />
      {password}
      {member && !canChangeRoles ? (
        <div>
          <p className="text-sm font-medium text-slate-800">Roles</p>
          <p className="break-words text-sm text-slate-700">{member.roles.length ? member.roles.join(", ") : "None"}</p>
          <p className="text-xs text-slate-600">Changing someone&apos;s roles needs the roles.change permission.</p>
        </div>
      ) : (
        <RoleCheckboxes fields={fields} roles={roles} held={member?.roles ?? []} error={error("roles")} />
      )}
      <fieldset aria-describedby={`${id}-teacher`}>
        <legend className="text-sm font-medium text-slate-800">Teacher profile (optional)</legend>
        <p id={`${id}-teacher`} className="text-xs text-slate-600">
          {member?.teacher ? "Clear both fields to remove their teacher profile." : "An employee number makes them a teacher."}
        </p>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <TextField
            label="Employee number"
            autoComplete="off"
            error={error("teacher.employee_number")}
            {...fields.register("teacher.employee_number")}
          />
          <Controller
            control={fields.control}
            name="teacher.subjects"
            render={({ field, fieldState }) => (
              <SubjectsField value={field.value} onChange={field.onChange} error={firstMessage(fieldState.error)} />
            )}
          />
        </div>
      </fieldset>
    </>
  );
}

const EMPTY: FormValues = {
  full_name: "",
  email: "",
  phone: "",
  credential: "invite",
  password: "",
  roles: [],
  teacher: { employee_number: "", subjects: [] },
};

export function NewStaffButton({ rules, roles }: { rules: InputRules; roles: RoleChoice[] }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string>();
  const schema = useMemo(() => createForm(rules), [rules]);
  const form = useActionForm<FormValues, z.output<typeof schema>, { id: string }>({
    schema,
    defaultValues: EMPTY,
    action: createStaffAction,
    onSuccess: (_, values) => {
      setCreated(createdNotice(values.full_name || values.email || values.phone || "They", values));
      setOpen(false);
      form.reset();
    },
  });
  return (
    <div className="flex flex-col items-stretch gap-1 sm:items-end">
      <Button
        onClick={() => {
          setCreated(undefined);
          setOpen(true);
        }}
      >
        New staff member
      </Button>
      <p role="status" className="text-sm text-green-800 empty:hidden sm:text-right">
        {created}
      </p>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title="New staff member"
        description="Creates their account in this school; they sign in on this school's address."
        submitLabel="Create staff member"
        form={form}
        width="wide"
      >
        <StaffFields
          fields={form.form}
          error={form.error}
          rules={rules}
          roles={roles}
          canChangeRoles
          password={
            <CredentialChoiceFields
              choice={form.form.watch("credential") ?? "invite"}
              credential={form.form.register("credential")}
              password={{ ...form.form.register("password"), error: form.error("password") }}
              rules={rules}
            />
          }
        />
      </FormDialog>
    </div>
  );
}

/** Editing a colleague: only what changed is sent, as a PATCH (the audit trail names what an edit touched). */
export function EditStaffDialog({
  member,
  rules,
  roles,
  canChangeRoles,
  open,
  onOpenChange,
}: {
  member: StaffRow;
  rules: InputRules;
  roles: RoleChoice[];
  canChangeRoles: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const schema = useMemo(() => editForm(rules), [rules]);
  const form = useActionForm<FormValues, z.output<typeof schema>, { id: string; is_active: boolean }>({
    schema,
    defaultValues: {
      full_name: member.full_name,
      email: member.email ?? "",
      phone: member.phone ?? "",
      roles: member.roles,
      teacher: { employee_number: member.teacher?.employee_number ?? "", subjects: member.teacher?.subjects ?? [] },
    },
    action: (values) =>
      editStaffAction({
        id: member.id,
        ...(values.full_name !== member.full_name ? { full_name: values.full_name } : {}),
        ...(values.email !== member.email ? { email: values.email } : {}),
        ...(values.phone !== member.phone ? { phone: values.phone } : {}),
        ...(canChangeRoles && !sameList(values.roles, member.roles) ? { roles: values.roles } : {}),
        ...(JSON.stringify(values.teacher) !== JSON.stringify(member.teacher) ? { teacher: values.teacher } : {}),
      }),
    onSuccess: () => onOpenChange(false),
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Edit ${staffName(member)}`}
      submitLabel="Save changes"
      form={form}
      width="wide"
    >
      <StaffFields fields={form.form} error={form.error} rules={rules} roles={roles} member={member} canChangeRoles={canChangeRoles} />
    </FormDialog>
  );
}
