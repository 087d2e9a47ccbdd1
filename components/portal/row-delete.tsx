"use client";
// A row's "Delete" behind a confirmation; the action's refusal (if any) shows under the row's buttons.
import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";

export const SMALL_BUTTON = "relative px-2 py-1 text-xs";

export function RowDelete({
  name,
  title,
  description,
  confirmLabel,
  run,
  onError,
}: {
  name: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  run: () => Promise<{ ok: true } | { ok: false; error: string }>;
  onError: (message: string | undefined) => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" className={`${SMALL_BUTTON} text-red-700 hover:bg-red-50`} pending={pending}>
          Delete<span className="sr-only"> {name}</span>
        </Button>
      }
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      pending={pending}
      onConfirm={() => {
        onError(undefined);
        startTransition(async () => {
          const result = await run();
          if (!result.ok) onError(result.error);
          else router.refresh();
        });
      }}
    />
  );
}
