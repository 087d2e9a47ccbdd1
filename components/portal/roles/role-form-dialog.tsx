"use client";
// Creating or editing a role: its name, description and a permission matrix. Permissions the
// user lacks are disabled in the matrix; the server action refuses them anyway (403).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { createRoleAction, editRoleAction } from "@/lib/portal/actions/role-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { PermissionMatrix } from "@/components/portal/permission-matrix";
import { TextAreaField } from "@/components/portal/text-area-field";
import { applyServerErrors } from "@/components/portal/server-errors";

export interface RoleRow {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  is_system: boolean;
  user_count: number;
}

const RoleForm = z.object({
  name: z.string().trim().min(1, "Enter the role's name.").max(100, "Ensure this field has no more than 100 characters."),
  description: z.string().trim().max(500, "Ensure this field has no more than 500 characters."),
  permissions: z.array(z.string()),
});
type Values = z.infer<typeof RoleForm>;

const FIELDS = { name: "name", description: "description", permissions: "permissions" } as const;

const valuesOf = (r: RoleRow | undefined): Values => ({
  name: r?.name ?? "",
  description: r?.description ?? "",
  permissions: r?.permissions ?? [],
});

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
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(RoleForm),
    defaultValues: valuesOf(role),
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = role ? await editRoleAction({ id: role.id, ...values }) : await createRoleAction(values);
    if (!result.ok) {
      const leftover = applyServerErrors(result.fieldErrors, setError, FIELDS);
      setFormError(leftover.length ? leftover.join(" ") : result.error);
      return;
    }
    onOpenChange(false);
    if (!role) reset(valuesOf(undefined));
    router.refresh();
  });

  const change = (next: boolean) => {
    if (isSubmitting) return;
    if (!next) {
      setFormError(undefined);
      reset(valuesOf(role));
    }
    onOpenChange(next);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={role ? `Edit role ${role.name}` : "New role"}
      description="Tick what holders of this role may do. Greyed boxes are permissions you do not hold yourself, so you cannot grant them."
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={formError} />
        <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register("name")} />
        <TextAreaField label="Description" rows={2} hint="Optional." error={errors.description?.message} {...register("description")} />
        <Controller
          control={control}
          name="permissions"
          render={({ field, fieldState }) => (
            <PermissionMatrix
              legend="Permissions"
              value={field.value}
              held={held}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => change(false)} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            {role ? "Save changes" : "Create role"}
          </Button>
        </div>
      </form>
    </Dialog>
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
