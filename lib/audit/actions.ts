// The audit trail's vocabulary: every action the code records, with the label a person reads, the
// group it belongs to and the trail it is recorded in; and the kinds of object an event can be
// about. Plain data without imports, so the console's and the portal's browser code can show labels
// and fill filters with it. test/audit-actions.test.ts keeps the catalogue equal to what the code
// records: an action recorded without an entry, or an entry nothing records, fails it.

/**
 * Where an action is recorded. `platform`: outside any school (only GET /api/v1/system/audit/ lists
 * it); `school`: in a school's own trail (GET /api/v1/school/audit/, and the platform's list, which
 * shows every event); `both`: either, by case (an API key's events are its school's, a global
 * key's are the platform's; a failed school sign-in with an account from elsewhere is recorded
 * twice).
 */
export type AuditAudience = "platform" | "school" | "both";

export const AUDIT_GROUPS = [
  "Schools",
  "Platform staff",
  "Staff",
  "Roles",
  "Students",
  "Classes",
  "API keys",
  "Sign-in",
  "Sessions",
  "Invitations",
  "Passwords",
  "Two-factor sign-in",
] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

export interface AuditActionInfo {
  action: string;
  label: string;
  group: AuditGroup;
  audience: AuditAudience;
}

const entry = <const A extends string>(action: A, label: string, group: AuditGroup, audience: AuditAudience) =>
  ({ action, label, group, audience }) as const;

export const AUDIT_ACTIONS = [
  entry("client.created", "School created", "Schools", "school"),
  entry("client.updated", "School updated", "Schools", "school"),
  entry("client.suspended", "School suspended", "Schools", "school"),
  entry("client.reactivated", "School reactivated", "Schools", "school"),
  entry("client.deleted", "School deleted", "Schools", "platform"),
  entry("school.settings.updated", "School settings changed", "Schools", "school"),

  entry("platform_user.created", "Platform user created", "Platform staff", "platform"),
  entry("platform_user.updated", "Platform user updated", "Platform staff", "platform"),
  entry("platform_user.deleted", "Platform user deleted", "Platform staff", "platform"),
  entry("system.account.updated", "Changed their own platform name or phone", "Platform staff", "platform"),

  entry("tenant_user.created", "Staff member created by the platform", "Staff", "school"),
  entry("tenant_user.updated", "Staff member updated by the platform", "Staff", "school"),
  entry("school.user.created", "Staff member created", "Staff", "school"),
  entry("school.user.updated", "Staff member updated", "Staff", "school"),
  entry("school.user.deactivated", "Staff member deactivated", "Staff", "school"),
  entry("school.user.reactivated", "Staff member reactivated", "Staff", "school"),
  entry("school.user.deleted", "Staff member deleted", "Staff", "school"),
  entry("school.account.updated", "Changed their own name or phone", "Staff", "school"),

  entry("school.role.created", "Role created", "Roles", "school"),
  entry("school.role.updated", "Role updated", "Roles", "school"),
  entry("school.role.deleted", "Role deleted", "Roles", "school"),
  entry("school.role_assignment.created", "Role assigned", "Roles", "school"),
  entry("school.role_assignment.updated", "Role term changed", "Roles", "school"),
  entry("school.role_assignment.deleted", "Role unassigned", "Roles", "school"),

  entry("school.student.created", "Student created", "Students", "school"),
  entry("school.student.updated", "Student updated", "Students", "school"),
  entry("school.student.deleted", "Student deleted", "Students", "school"),

  entry("school.class.created", "Class created", "Classes", "school"),
  entry("school.class.updated", "Class updated", "Classes", "school"),
  entry("school.class.deleted", "Class deleted", "Classes", "school"),

  entry("api_key.created", "API key created", "API keys", "both"),
  entry("api_key.updated", "API key updated", "API keys", "both"),
  entry("api_key.rotated", "API key rotated", "API keys", "both"),
  entry("api_key.revoked", "API key revoked", "API keys", "both"),

  entry("system.login.succeeded", "Signed in to the platform", "Sign-in", "platform"),
  entry("system.login.failed", "Platform sign-in failed", "Sign-in", "platform"),
  entry("system.login.refused", "Platform sign-in refused (a school account)", "Sign-in", "platform"),
  entry("school.login.succeeded", "Signed in to the school", "Sign-in", "school"),
  entry("school.login.failed", "School sign-in failed", "Sign-in", "both"),
  entry("school.login.refused", "School sign-in refused (a platform account)", "Sign-in", "platform"),

  entry("system.logout", "Signed out of the platform", "Sessions", "platform"),
  entry("system.logout.all", "Signed out of every platform session", "Sessions", "platform"),
  entry("system.logout.others", "Signed out of every other platform session", "Sessions", "platform"),
  entry("system.session.revoked", "Platform session revoked (refresh token reused)", "Sessions", "platform"),
  entry("system.session.ended", "Ended one of their platform sessions", "Sessions", "platform"),
  entry("system.token.refresh_refused", "Platform session refresh refused", "Sessions", "platform"),
  entry("school.logout", "Signed out of the school", "Sessions", "school"),
  entry("school.logout.all", "Signed out of every school session", "Sessions", "school"),
  entry("school.logout.others", "Signed out of every other school session", "Sessions", "school"),
  entry("school.session.revoked", "School session revoked (refresh token reused)", "Sessions", "school"),
  entry("school.session.ended", "Ended one of their school sessions", "Sessions", "school"),
  entry("school.token.refresh_refused", "School session refresh refused", "Sessions", "school"),
  entry("school.user.sessions_ended", "Signed a staff member out everywhere", "Sessions", "school"),
  entry("tenant_user.sessions_ended", "Staff member signed out everywhere by the platform", "Sessions", "school"),
  entry("platform_user.sessions_ended", "Signed a platform user out everywhere", "Sessions", "platform"),

  entry("system.password.changed", "Platform password changed", "Passwords", "platform"),
  entry("school.password.changed", "Password changed", "Passwords", "school"),
  entry("platform_user.password_set", "Temporary password set for a platform user", "Passwords", "platform"),
  entry("school.user.password_set", "Temporary password set", "Passwords", "school"),
  entry("tenant_user.password_set", "Temporary password set by the platform", "Passwords", "school"),

  entry("platform_user.invited", "Platform user invited", "Invitations", "platform"),
  entry("platform_user.invitation_resent", "Platform user's invitation sent again", "Invitations", "platform"),
  entry("platform_user.invitation_withdrawn", "Platform user's invitation withdrawn", "Invitations", "platform"),
  entry("system.invitation.accepted", "Accepted their platform invitation", "Invitations", "platform"),
  entry("school.user.invited", "Staff member invited", "Invitations", "school"),
  entry("school.user.invitation_resent", "Staff member's invitation sent again", "Invitations", "school"),
  entry("school.user.invitation_withdrawn", "Staff member's invitation withdrawn", "Invitations", "school"),
  entry("tenant_user.invited", "Staff member invited by the platform", "Invitations", "school"),
  entry("tenant_user.invitation_resent", "Staff member's invitation sent again by the platform", "Invitations", "school"),
  entry("tenant_user.invitation_withdrawn", "Staff member's invitation withdrawn by the platform", "Invitations", "school"),
  entry("school.invitation.accepted", "Accepted their invitation", "Invitations", "school"),

  entry("system.password_reset.requested", "Platform password reset link asked for", "Passwords", "platform"),
  entry("system.password_reset.used", "Platform password reset with a link", "Passwords", "platform"),
  entry("school.password_reset.requested", "Password reset link asked for", "Passwords", "school"),
  entry("school.password_reset.used", "Password reset with a link", "Passwords", "school"),

  entry("system.login.mfa_required", "Platform password accepted, code asked for", "Two-factor sign-in", "platform"),
  entry("school.login.mfa_required", "Password accepted, code asked for", "Two-factor sign-in", "school"),
  entry("system.mfa.failed", "Wrong platform sign-in code", "Two-factor sign-in", "platform"),
  entry("school.mfa.failed", "Wrong sign-in code", "Two-factor sign-in", "school"),
  entry("system.mfa.recovery_code_used", "Signed in to the platform with a recovery code", "Two-factor sign-in", "platform"),
  entry("school.mfa.recovery_code_used", "Signed in with a recovery code", "Two-factor sign-in", "school"),
  entry("system.mfa.enrolment_started", "Started adding an authenticator app (platform)", "Two-factor sign-in", "platform"),
  entry("school.mfa.enrolment_started", "Started adding an authenticator app", "Two-factor sign-in", "school"),
  entry("system.mfa.enabled", "Turned on platform two-factor sign-in", "Two-factor sign-in", "platform"),
  entry("school.mfa.enabled", "Turned on two-factor sign-in", "Two-factor sign-in", "school"),
  entry("system.mfa.disabled", "Turned off platform two-factor sign-in", "Two-factor sign-in", "platform"),
  entry("school.mfa.disabled", "Turned off two-factor sign-in", "Two-factor sign-in", "school"),
  entry("platform_user.mfa_reset", "Turned off a platform user's two-factor sign-in", "Two-factor sign-in", "platform"),
  entry("school.user.mfa_reset", "Turned off a staff member's two-factor sign-in", "Two-factor sign-in", "school"),
  entry("tenant_user.mfa_reset", "Staff member's two-factor sign-in turned off by the platform", "Two-factor sign-in", "school"),
] as const satisfies readonly AuditActionInfo[];

/** An action the code records. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number]["action"];

const BY_ACTION: ReadonlyMap<string, AuditActionInfo> = new Map(AUDIT_ACTIONS.map((a) => [a.action, a]));

/** The catalogue entry of `action`, if it has one. */
export function auditActionInfo(action: string): AuditActionInfo | undefined {
  return BY_ACTION.get(action);
}

/**
 * The actions a trail can show: a school's trail shows those recorded in a school; the platform's
 * list (GET /api/v1/system/audit/) shows every event, so every action.
 */
export function auditActionsOf(trail: "platform" | "school"): AuditActionInfo[] {
  return AUDIT_ACTIONS.filter((a) => trail === "platform" || a.audience !== "platform");
}

/**
 * What a person reads for `action`: its catalogue label, or — for a code the catalogue does not know
 * (an older event, a newer server) — the code made readable: "school.thing_done" → "School thing done".
 */
export function actionLabel(action: string): string {
  const known = BY_ACTION.get(action);
  if (known) return known.label;
  const words = action
    .split(/[._\s]+/)
    .filter(Boolean)
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The kinds of object an event can be about (its `target_type`), with what a person calls them. */
export const AUDIT_TARGET_TYPES = ["client", "user", "api_key", "role", "role_assignment", "student", "class", "session"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const AUDIT_TARGET_TYPE_LABELS: Record<AuditTargetType, string> = {
  client: "School",
  user: "User",
  api_key: "API key",
  role: "Role",
  role_assignment: "Role assignment",
  student: "Student",
  class: "Class",
  session: "Session",
};
