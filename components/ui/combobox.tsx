"use client";
// A picker that searches (downshift's useCombobox: the ARIA 1.2 combobox pattern — arrow keys,
// Enter, Escape, announced options). It asks the server as the user types, so a school with 900
// classes or staff is as pickable as one with 9, and it says when there are more matches than it
// shows instead of silently stopping. Inside a GET form it submits the chosen id under `name`.
import { useCombobox } from "downshift";
import { useContext, useEffect, useId, useRef, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import type { PickerOption, PickerResults } from "@/lib/pages/picker";
import { InDialog } from "@/components/ui/dialog";
import { CONTROL, FieldNotes, describedBy } from "@/components/ui/field";

export type { PickerOption } from "@/lib/pages/picker";

export function Combobox({
  label,
  value: controlled,
  defaultValue = null,
  onChange,
  search,
  name,
  placeholder,
  hint,
  error,
  noneOption,
  disabled,
  className = "",
}: {
  label: string;
  /** The chosen option (controlled), or leave it to the picker with `defaultValue` (a GET form's filter). */
  value?: PickerOption | null;
  defaultValue?: PickerOption | null;
  onChange?: (option: PickerOption | null) => void;
  /** Finds options by text (a server action); "" lists the first ones. */
  search: (text: string) => Promise<ActionResult<PickerResults>>;
  /** Submit the chosen id under this name (GET forms). */
  name?: string;
  placeholder?: string;
  hint?: string;
  error?: string;
  /** An explicit "none" choice offered first (a filter's "No class"); clearing the picker means no choice at all. */
  noneOption?: PickerOption;
  disabled?: boolean;
  /** The width of the picker in its row (a filter: `sm:w-64`). */
  className?: string;
}) {
  const id = useId();
  // In a dialog (which scrolls and clips), the list opens in the flow and pushes what follows down;
  // on a page it floats over the content.
  const inDialog = useContext(InDialog);
  const [uncontrolled, setUncontrolled] = useState<PickerOption | null>(defaultValue);
  const value = controlled !== undefined ? controlled : uncontrolled;
  const choose = (option: PickerOption | null) => {
    if (controlled === undefined) setUncontrolled(option);
    onChange?.(option);
  };
  const [results, setResults] = useState<PickerResults>({ options: [], more: false });
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const request = useRef(0);

  const items = noneOption ? [noneOption, ...results.options] : results.options;
  const combobox = useCombobox<PickerOption>({
    id,
    items,
    selectedItem: value,
    itemToString: (item) => item?.label ?? "",
    itemToKey: (item) => item?.id,
    onSelectedItemChange: ({ selectedItem }) => choose(selectedItem ?? null),
    onInputValueChange: ({ inputValue, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) lookUp(inputValue ?? "");
    },
    onIsOpenChange: ({ isOpen, inputValue }) => {
      if (isOpen && results.options.length === 0) lookUp(value && inputValue === value.label ? "" : (inputValue ?? ""));
    },
  });

  // Searches, debounced; only the latest answer is shown.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  function lookUp(text: string) {
    if (timer.current) clearTimeout(timer.current);
    const ticket = ++request.current;
    setLoading(true);
    timer.current = setTimeout(async () => {
      try {
        const found = await search(text.trim());
        if (ticket === request.current) {
          if (found.ok) setResults(found.data);
          setFailed(
            found.ok ? null : found.code === "not_authenticated" ? "Your session has ended: sign in again to search." : found.error,
          );
        }
      } catch {
        if (ticket === request.current) setFailed("The search failed. Type again to retry.");
      } finally {
        if (ticket === request.current) setLoading(false);
      }
    }, 200);
  }
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const status = loading ? "Searching…" : (failed ?? (items.length === 0 ? "No matches." : null));

  return (
    <div className={`space-y-1 ${className}`}>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: downshift's getLabelProps sets htmlFor to the input's id. */}
      <label {...combobox.getLabelProps()} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="relative">
        <input
          {...combobox.getInputProps({ disabled, placeholder: placeholder ?? "Type to search" })}
          className={`${CONTROL} pr-16`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <div className="absolute inset-y-0 right-1 flex items-center gap-0.5">
          {value ? (
            <button
              type="button"
              className="rounded px-1.5 py-0.5 text-slate-600 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900"
              onClick={() => {
                combobox.selectItem(null);
                choose(null);
              }}
              aria-label={`Clear ${label}`}
            >
              ×
            </button>
          ) : null}
          <button
            type="button"
            {...combobox.getToggleButtonProps({ disabled })}
            aria-label={`Show ${label} options`}
            className="rounded px-1.5 py-0.5 text-slate-600 hover:bg-slate-100"
          >
            ▾
          </button>
        </div>
        {name ? <input type="hidden" name={name} value={value?.id ?? ""} /> : null}
        <div
          className={`${inDialog ? "relative" : "absolute z-30"} mt-1 w-full rounded-md border border-slate-200 bg-white shadow-lg ${combobox.isOpen ? "" : "hidden"}`}
        >
          <ul {...combobox.getMenuProps()} className="max-h-64 overflow-y-auto py-1">
            {combobox.isOpen
              ? items.map((item, index) => (
                  <li
                    key={item.id}
                    {...combobox.getItemProps({ item, index })}
                    className={`cursor-pointer px-3 py-2 text-sm ${combobox.highlightedIndex === index ? "bg-slate-100" : ""} ${
                      combobox.selectedItem?.id === item.id ? "font-medium" : ""
                    }`}
                  >
                    {item.label}
                    {item.detail ? <span className="block text-xs text-slate-600">{item.detail}</span> : null}
                  </li>
                ))
              : null}
          </ul>
          <p aria-live="polite" className="px-3 pb-2 text-xs text-slate-600 empty:hidden">
            {combobox.isOpen ? (status ?? (results.more ? "More match: type more of the name to narrow the list." : "")) : ""}
          </p>
        </div>
      </div>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
