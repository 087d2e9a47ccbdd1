// The orders a list offers on a phone (where there are no column headers to click): `ordering`
// values of the list's API (its QueryOrdering fields) in words. One list per kind of row, so the
// console's and the portal's user lists offer the same choices.
import type { SortOption } from "@/lib/pages/list-page";

const users: SortOption[] = [
  { value: "full_name", label: "Name (A–Z)" },
  { value: "-full_name", label: "Name (Z–A)" },
  { value: "email", label: "Email" },
  { value: "-last_login", label: "Signed in most recently" },
  { value: "-date_joined", label: "Joined most recently" },
  { value: "date_joined", label: "Joined longest ago" },
];

export const SORT_OPTIONS = {
  users,
  schools: [
    { value: "name", label: "Name (A–Z)" },
    { value: "-name", label: "Name (Z–A)" },
    { value: "slug", label: "Slug" },
    { value: "-created_at", label: "Newest first" },
    { value: "created_at", label: "Oldest first" },
  ],
  messages: [
    { value: "-created_at", label: "Newest first" },
    { value: "created_at", label: "Oldest first" },
    { value: "-attempts", label: "Most attempts" },
    { value: "-sent_at", label: "Sent most recently" },
  ],
  apiKeys: [
    { value: "-created_at", label: "Newest first" },
    { value: "name", label: "Name (A–Z)" },
    { value: "-last_used_at", label: "Used most recently" },
    { value: "expires_at", label: "Expiring soonest" },
  ],
  roles: [
    { value: "name", label: "Name (A–Z)" },
    { value: "-name", label: "Name (Z–A)" },
  ],
  students: [
    { value: "last_name", label: "Name (A–Z)" },
    { value: "-last_name", label: "Name (Z–A)" },
    { value: "admission_number", label: "Admission number" },
    { value: "date_of_birth", label: "Oldest first" },
    { value: "-date_of_birth", label: "Youngest first" },
  ],
  classes: [
    { value: "name", label: "Name (A–Z)" },
    { value: "-name", label: "Name (Z–A)" },
    { value: "grade", label: "Grade (lowest first)" },
    { value: "-grade", label: "Grade (highest first)" },
  ],
} satisfies Record<string, SortOption[]>;
