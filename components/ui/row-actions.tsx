"use client";
// A row's actions, the same in the table and on a phone's card: small buttons that name their row
// for screen readers ("Edit" + " Ana Diaz"), and confirmations for what can't be undone lightly.
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/form";

// Touch-sized on a phone, compact in a table. (Buttons are `relative`, so their screen-reader-only
// text stays inside them and never widens the page.)
const ROW_BUTTON = "px-3 py-1.5 text-sm md:px-2 md:py-1 md:text-xs";

export function RowActions({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap gap-2 md:flex-nowrap md:justify-end md:gap-1">{children}</div>;
}

export function RowButton({ name, children, className = "", ...props }: ButtonProps & { name: string }) {
  return (
    <Button variant="secondary" className={`${ROW_BUTTON} ${className}`} {...props}>
      {children}
      <span className="sr-only"> {name}</span>
    </Button>
  );
}

/** A row action behind a confirmation; `danger` ones (delete, revoke) are drawn in red. */
export function RowConfirm<R>({
  name,
  label,
  danger = true,
  ...confirm
}: {
  name: string;
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  action: () => Promise<ActionResult<R>>;
  danger?: boolean;
  onSuccess?: (data: R) => void;
}) {
  return (
    <ConfirmAction
      {...confirm}
      danger={danger}
      label={
        <>
          {label}
          <span className="sr-only"> {name}</span>
        </>
      }
      trigger={{ variant: danger ? "danger-ghost" : "secondary", className: ROW_BUTTON }}
    />
  );
}
