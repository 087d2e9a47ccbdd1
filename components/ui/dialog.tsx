"use client";
// Modal dialogs on Radix primitives: focus trapped inside, Escape closes, labelled by their title.
// Focus goes back to the control that opened the dialog when it closes — by Escape, Cancel or a
// successful Save — even when that control is not a Radix trigger (a row's "Edit" button that
// sets state): the opener is remembered at the moment the dialog opens.
import * as RadixAlert from "@radix-ui/react-alert-dialog";
import * as RadixDialog from "@radix-ui/react-dialog";
import { createContext, useLayoutEffect, useRef, type ReactNode } from "react";

const OVERLAY = "fixed inset-0 z-40 bg-slate-900/40";
const PANEL =
  "fixed left-1/2 top-1/2 z-50 max-h-[90dvh] w-[calc(100vw-1.5rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl focus:outline-none sm:p-6";
const WIDTHS = { normal: "max-w-lg", wide: "max-w-2xl" } as const;

/** True inside a dialog: pickers open their list in the flow there, not over a clipped panel. */
export const InDialog = createContext(false);

/** Remembers what had focus when `open` became true, and gives it focus back on close. */
export function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      opener.current = document.activeElement;
    }
  }, [open]);
  return (event: Event) => {
    event.preventDefault();
    const target = opener.current;
    // The opener may be gone (the row it sat in was deleted): the page's content takes focus, not <body>.
    const fallback = document.getElementById("content");
    if (target?.isConnected) target.focus();
    else fallback?.focus();
  };
}

export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  width = "normal",
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  width?: keyof typeof WIDTHS;
  children: ReactNode;
}) {
  const returnFocus = useReturnFocus(open);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={OVERLAY} />
        <RadixDialog.Content className={`${PANEL} ${WIDTHS[width]}`} onCloseAutoFocus={returnFocus}>
          <RadixDialog.Title className="pr-6 text-lg font-semibold">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          <div className="mt-4">
            <InDialog.Provider value>{children}</InDialog.Provider>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * An alert dialog ("are you sure?"), controlled by its owner: the owner decides when it closes
 * (after the action succeeded), so a refusal can be shown inside it, next to the buttons.
 */
export function AlertDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  const returnFocus = useReturnFocus(open);
  return (
    <RadixAlert.Root open={open} onOpenChange={onOpenChange}>
      <RadixAlert.Portal>
        <RadixAlert.Overlay className={OVERLAY} />
        <RadixAlert.Content className={`${PANEL} ${WIDTHS.normal}`} onCloseAutoFocus={returnFocus}>
          <RadixAlert.Title className="text-lg font-semibold">{title}</RadixAlert.Title>
          <RadixAlert.Description asChild>
            <div className="mt-2 text-sm text-slate-700">{description}</div>
          </RadixAlert.Description>
          {children}
        </RadixAlert.Content>
      </RadixAlert.Portal>
    </RadixAlert.Root>
  );
}

/** The Cancel of an alert dialog: the element Radix focuses first, so Enter never confirms by accident. */
export const AlertCancel = RadixAlert.Cancel;
