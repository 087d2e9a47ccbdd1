// The scopes an API key can carry: school permission codenames from the catalogue, grouped by
// resource for the picker, or "*" for all of them.
import { PERMISSIONS, RESOURCES, type Resource } from "@/lib/rbac/catalogue";

const RESOURCE_HEADINGS: Record<Resource, string> = { users: "Staff users", roles: "Roles", students: "Students", classes: "Classes" };

export const SCOPE_GROUPS = RESOURCES.map((resource) => ({
  resource,
  heading: RESOURCE_HEADINGS[resource],
  permissions: PERMISSIONS.filter((p) => p.resource === resource),
}));

export function scopeLabel(scope: string): string {
  if (scope === "*") return "All permissions";
  return PERMISSIONS.find((p) => p.codename === scope)?.label ?? scope;
}
