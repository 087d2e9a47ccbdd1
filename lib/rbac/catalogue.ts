// The permission catalogue and the default roles (the REST contract §6) — data, in one place.
export const RESOURCES = ["users", "roles", "students", "classes"] as const;
export const ACTIONS = ["view", "add", "change", "delete"] as const;

export type Resource = (typeof RESOURCES)[number];
export type Action = (typeof ACTIONS)[number];
export type Codename = `${Resource}.${Action}`;

const RESOURCE_LABELS: Record<Resource, string> = { users: "staff users", roles: "roles", students: "students", classes: "classes" };
const ACTION_LABELS: Record<Action, string> = { view: "View", add: "Add", change: "Change", delete: "Delete" };

export const PERMISSIONS: { codename: Codename; label: string; resource: Resource; action: Action }[] = RESOURCES.flatMap((resource) =>
  ACTIONS.map((action) => ({
    codename: `${resource}.${action}` as Codename,
    label: `${ACTION_LABELS[action]} ${RESOURCE_LABELS[resource]}`,
    resource,
    action,
  })),
);

export const ALL_CODENAMES: Codename[] = PERMISSIONS.map((p) => p.codename);
const KNOWN = new Set<string>(ALL_CODENAMES);

export function isCodename(value: string): value is Codename {
  return KNOWN.has(value);
}

const all = (resource: Resource): Codename[] => ACTIONS.map((a) => `${resource}.${a}` as Codename);
const view = (resource: Resource): Codename => `${resource}.view`;

export const DEFAULT_ROLES: { name: string; description: string; permissions: Codename[] }[] = [
  { name: "Admin", description: "Everything in this school.", permissions: ALL_CODENAMES },
  {
    name: "Head",
    description: "Sees everything; manages students and classes.",
    permissions: [...new Set<Codename>([...RESOURCES.map(view), ...all("students"), ...all("classes")])],
  },
  { name: "Teacher", description: "Sees students and classes.", permissions: ["students.view", "classes.view"] },
  {
    name: "Office",
    description: "Manages students; sees classes and staff.",
    permissions: [...all("students"), "classes.view", "users.view"],
  },
];
