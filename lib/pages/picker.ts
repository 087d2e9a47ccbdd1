// What a searching picker (components/ui/combobox.tsx) asks a server action for: the first
// matches of a text, and whether there are more — so a picker never stops silently at a limit.
import type { Page } from "@/lib/http/pagination";

export interface PickerOption {
  id: string;
  label: string;
  /** A second line: a grade, an email. */
  detail?: string;
}

export interface PickerResults {
  options: PickerOption[];
  /** More matches exist than were returned: the user should type more. */
  more: boolean;
}

/** How many matches a picker shows at once. */
export const PICKER_SIZE = 20;

export function pickerResults<T>(page: Page<T>, option: (row: T) => PickerOption): PickerResults {
  return { options: page.results.map(option), more: page.count > page.results.length };
}
