"use client";
// A school's write controls in the list: edit, suspend / reactivate, delete. Only rendered for
// users who may write; the server actions check again.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setSchoolStatusAction } from "@/lib/console/actions/school-actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { DeleteSchoolDialog } from "@/components/console/schools/delete-school-dialog";
import { EditSchoolDialog } from "@/components/console/schools/edit-school-dialog";
import type { SchoolRow } from "@/components/console/schools/schools-table";

// `relative` keeps each button's screen-reader-only text inside the table's scroll box.
const SMALL = "relative px-2 py-1 text-xs";

export function SchoolRowActions({ school }: { school: SchoolRow }) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const name = <span className="sr-only"> {school.name}</span>;

  const setActive = (isActive: boolean) => {
    setError(undefined);
    startTransition(async () => {
      const result = await setSchoolStatusAction({ id: school.id, is_active: isActive });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1 whitespace-nowrap">
        <Button variant="secondary" className={SMALL} onClick={() => setDialog("edit")}>
          Edit{name}
        </Button>
        {school.is_active ? (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" className={SMALL} pending={pending}>
                Suspend{name}
              </Button>
            }
            title={`Suspend ${school.name}?`}
            description={
              <>
                <strong>{school.name}</strong> ({school.slug}) is suspended at once: its staff can no longer sign in, and every request with
                its existing tokens or its API keys is refused. Nothing is deleted; you can reactivate it at any time.
              </>
            }
            confirmLabel="Suspend school"
            onConfirm={() => setActive(false)}
          />
        ) : (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" className={SMALL} pending={pending}>
                Reactivate{name}
              </Button>
            }
            title={`Reactivate ${school.name}?`}
            description={
              <>
                <strong>{school.name}</strong> ({school.slug}) is served again at once: its staff can sign in, and its unexpired tokens and
                API keys work again.
              </>
            }
            confirmLabel="Reactivate school"
            danger={false}
            onConfirm={() => setActive(true)}
          />
        )}
        <Button variant="ghost" className={`${SMALL} text-red-700 hover:bg-red-50`} onClick={() => setDialog("delete")}>
          Delete{name}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {dialog === "edit" ? <EditSchoolDialog school={school} onClose={() => setDialog(null)} /> : null}
      {dialog === "delete" ? <DeleteSchoolDialog school={school} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
