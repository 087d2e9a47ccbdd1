"use client";
// Creating or editing a role: its name, description and a permission matrix. The form's schema is
// the REST body's (RoleBody), messages included. Permissions the user lacks are disabled in the
// matrix; the server action refuses them anyway (403), and refuses a name already taken.
import { useState } from "react";
import { Controller } from "react-hook-form";
import { createRoleAction, editRoleAction } from "@/lib/portal/actions/role-actions";
import { RoleBody } from "@/lib/school/school-schemas";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { PermissionMatrix } from "@/components/portal/permission-matrix";

export interface RoleRow {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  is_system: boolean;
  user_count: number;
}

/** `role` absent: a new one. `held`: the user's own permissions, the only ones they may grant. */
export function RoleFormDialog({
  role,
  held,
  open,
  onOpenChange,
}: {
  role?: RoleRow;
  held: string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const form = useActionForm({
    schema: RoleBody,
    defaultValues: { name: role?.name ?? "", description: role?.description ?? "", permissions: role?.permissions ?? [] },
    action: (values) => (role ? editRoleAction({ id: role.id, ...values }) : createRoleAction(values)),
    onSuccess: () => {
      onOpenChange(false);
      if (!role) form.reset();
    },
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={role ? `Edit role ${role.name}` : "New role"}
      description={
        role && role.user_count > 0
          ? `Changes apply at once to the ${role.user_count === 1 ? "staff member who holds" : `${role.user_count} staff members who hold`} it.`
          : undefined
      }
      submitLabel={role ? "Save changes" : "Create role"}
      form={form}
      width="wide"
    >
      <TextField
        label="Name"
        autoComplete="off"
        hint="Unique within the school."
        error={form.error("name")}
        {...form.form.register("name")}
      />
      {/* The kit's text area is monospaced (for keys and lists); a description is prose. */}
      <TextAreaField
        label="Description"
        rows={2}
        hint="Optional: what the role is for."
        error={form.error("description")}
        {...form.form.register("description")}
      />
      <Controller
        control={form.form.control}
        name="permissions"
        render={({ field, fieldState }) => (
          <PermissionMatrix
            legend="Permissions"
            hint="Tick what holders of this role may do. Greyed boxes are permissions you do not hold yourself, so you cannot grant them."
            value={field.value}
            held={held}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
    </FormDialog>
  );
}

export function NewRoleButton({ held }: { held: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New role</Button>
      <RoleFormDialog held={held} open={open} onOpenChange={setOpen} />
    </>
  );
}
