"use client";
// The account menu of the console and the portal: a Radix dropdown (keyboard and screen-reader
// ready). Its trigger's accessible name starts with what it shows — "Account menu: Ana Diaz" — so
// voice control users can say what they see. Non-modal and rendered in place (no portal): the menu
// stays inside the header's landmark and the rest of the page is not hidden from assistive
// technology while it is open (a modal Radix menu aria-hides the page, skip link included).
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Fragment, type ReactNode } from "react";

export interface AccountMenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** Draws a separator above this item. */
  separated?: boolean;
}

export function AccountMenu({
  name,
  detail,
  items,
  busy,
}: {
  name: string;
  /** A second, quieter line of the trigger (the platform role), hidden on a phone. */
  detail?: ReactNode;
  items: AccountMenuItem[];
  busy?: boolean;
}) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-busy={busy || undefined}
        className="inline-flex max-w-[11rem] items-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900 sm:max-w-xs"
      >
        <span className="sr-only">Account menu: </span>
        <span className="truncate">{name}</span>
        {detail ? <span className="hidden truncate text-slate-600 sm:inline">· {detail}</span> : null}
        <span aria-hidden className="text-slate-500">
          ▾
        </span>
      </Menu.Trigger>
      <Menu.Content align="end" sideOffset={4} className="z-50 min-w-40 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        {items.map((item) => (
          <Fragment key={item.label}>
            {item.separated ? <Menu.Separator className="my-1 h-px bg-slate-100" /> : null}
            <Menu.Item
              disabled={item.disabled}
              onSelect={item.onSelect}
              className="cursor-pointer rounded px-3 py-2 text-sm outline-none data-[disabled]:opacity-60 data-[highlighted]:bg-slate-100"
            >
              {item.label}
            </Menu.Item>
          </Fragment>
        ))}
      </Menu.Content>
    </Menu.Root>
  );
}
