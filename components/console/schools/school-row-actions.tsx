"use client";
// A school's write controls, in the list and on its own page: edit, suspend / reactivate, delete.
// Only rendered for users who may write; the server actions check again.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { setSchoolStatusAction } from "@/lib/console/actions/school-actions";
import { RowActions, RowButton, RowConfirm } from "@/components/ui/row-actions";
import { DeleteSchoolDialog } from "@/components/console/schools/delete-school-dialog";
import { EditSchoolDialog } from "@/components/console/schools/edit-school-dialog";
import type { SchoolRow } from "@/components/console/schools/schools-table";

export function SchoolRowActions({
  school,
  rules,
  afterDelete,
}: {
  school: SchoolRow;
  rules: InputRules;
  /** Where to go once the school is deleted (its own page goes back to the list). */
  afterDelete?: string;
}) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };
  return (
    <RowActions>
      <RowButton name={school.name} onClick={() => setDialog("edit")}>
        Edit
      </RowButton>
      {school.is_active ? (
        <RowConfirm
          name={school.name}
          label="Suspend"
          title={`Suspend ${school.name}?`}
          description={
            <>
              <strong>{school.name}</strong> ({school.slug}) is suspended at once: its staff can no longer sign in, and every request with
              its existing tokens or its API keys is refused. Nothing is deleted; you can reactivate it at any time.
            </>
          }
          confirmLabel="Suspend school"
          action={() => setSchoolStatusAction({ id: school.id, is_active: false })}
        />
      ) : (
        <RowConfirm
          name={school.name}
          label="Reactivate"
          danger={false}
          title={`Reactivate ${school.name}?`}
          description={
            <>
              <strong>{school.name}</strong> ({school.slug}) is served again at once: its staff can sign in, and its unexpired tokens and
              API keys work again.
            </>
          }
          confirmLabel="Reactivate school"
          action={() => setSchoolStatusAction({ id: school.id, is_active: true })}
        />
      )}
      <RowButton name={school.name} variant="ghost" onClick={() => setDialog("delete")} className="text-red-700 hover:bg-red-50">
        Delete
      </RowButton>
      {dialog === "edit" ? <EditSchoolDialog school={school} rules={rules} open onOpenChange={close} /> : null}
      {dialog === "delete" ? (
        <DeleteSchoolDialog
          school={school}
          open
          onOpenChange={close}
          onDeleted={afterDelete ? () => router.replace(afterDelete) : undefined}
        />
      ) : null}
    </RowActions>
  );
}
