"use client";
// The account menu of the console and the portal: a Radix dropdown (keyboard and screen-reader
// ready) whose trigger is named "Account: <name>".
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
  children,
  items,
  busy,
  className = "",
}: {
  name: string;
  children: ReactNode;
  items: AccountMenuItem[];
  busy?: boolean;
  className?: string;
}) {
  return (
    <Menu.Root>
      <Menu.Trigger
        aria-label={`Account: ${name}`}
        aria-busy={busy || undefined}
        className={`rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900 ${className}`}
      >
        {children}
      </Menu.Trigger>
      <Menu.Portal>
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
      </Menu.Portal>
    </Menu.Root>
  );
}
