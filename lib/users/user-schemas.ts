// The user as the API shows it (the REST contract §3). Only these fields ever leave the server.
import { z } from "zod";
import { EmailField, NewPassword, PhoneField } from "@/lib/credentials/rules";
import { byRules } from "@/lib/config/input-rules";
import { QueryOrdering, QueryText, listQuery, type OrderColumns } from "@/lib/http/query";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface PublicUser {
  id: string;
  email: string | null;
  phone: string | null;
  fullName: string;
  isActive: boolean;
  clientId: string | null;
  platformRole: "superadmin" | "platform_admin" | "support" | null;
  lastLogin: Date | null;
  dateJoined: Date;
  /** An admin set a temporary password: until the user changes it, their tokens reach only auth/password, me and logout. */
  passwordChangeRequired: boolean;
  /** Two-factor sign-in is on: a right password alone gives no tokens (lib/auth/mfa.ts). */
  mfaEnabled: boolean;
  /** Invited and not yet accepted: no password yet (lib/auth/invitations.ts). */
  invitedAt: Date | null;
}

/** Where an account stands (API §8): invited (no password chosen yet), active, or inactive (deactivated, or its invitation withdrawn). */
export type UserStatus = "invited" | "active" | "inactive";

export function userStatus(user: { isActive: boolean; invitedAt: Date | null }): UserStatus {
  if (!user.isActive) return "inactive";
  return user.invitedAt ? "invited" : "active";
}

export const UserStatusField = z
  .enum(["invited", "active", "inactive"])
  .describe("invited: created without a password and not yet accepted; inactive: deactivated (or its invitation withdrawn)");

/** The columns of a PublicUser, for Prisma's `select`. */
export const publicUserSelect = {
  id: true,
  email: true,
  phone: true,
  fullName: true,
  isActive: true,
  clientId: true,
  platformRole: true,
  lastLogin: true,
  dateJoined: true,
  passwordChangeRequired: true,
  mfaEnabled: true,
  invitedAt: true,
} as const;

/** The fields a list of users sorts by (`?ordering=`). */
export const USER_ORDERING_FIELDS = ["full_name", "email", "date_joined", "last_login"] as const;

/** Those fields (and the id) as Prisma's `orderBy`: a user may have no email or no last login, which sort last. */
export const userOrderBy: OrderColumns<(typeof USER_ORDERING_FIELDS)[number], Prisma.UserOrderByWithRelationInput> = {
  full_name: (d) => ({ fullName: d }),
  email: (d) => ({ email: { sort: d, nulls: "last" } }),
  date_joined: (d) => ({ dateJoined: d }),
  last_login: (d) => ({ lastLogin: { sort: d, nulls: "last" } }),
  id: (d) => ({ id: d }),
};

/** Platform staff, and a school's users seen from the console: oldest account first by default. */
export const UserOrdering = QueryOrdering(USER_ORDERING_FIELDS, "date_joined,id");

/**
 * The same columns for hand-written SQL (the login's and the Bearer check's one-round-trip
 * statements), named as `userOfRow` reads them. `u` is the users table's alias.
 */
export const PUBLIC_USER_COLUMNS =
  "u.id, u.email, u.phone, u.full_name, u.is_active, u.client_id, u.platform_role::text AS platform_role, u.last_login, u.date_joined, u.password_change_required, u.mfa_enabled, u.invited_at";

export interface PublicUserRow {
  id: string;
  email: string | null;
  phone: string | null;
  full_name: string;
  is_active: boolean;
  client_id: string | null;
  platform_role: PublicUser["platformRole"];
  last_login: Date | null;
  date_joined: Date;
  password_change_required: boolean;
  mfa_enabled: boolean;
  invited_at: Date | null;
}

/** The one mapping of a hand-written SQL user row (PUBLIC_USER_COLUMNS) to a PublicUser. */
export function userOfRow(row: PublicUserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    phone: row.phone,
    fullName: row.full_name,
    isActive: row.is_active,
    clientId: row.client_id,
    platformRole: row.platform_role,
    lastLogin: row.last_login,
    dateJoined: row.date_joined,
    passwordChangeRequired: row.password_change_required,
    mfaEnabled: row.mfa_enabled,
    invitedAt: row.invited_at,
  };
}

export const PlatformUserListQuery = listQuery({
  search: QueryText(200).describe("Text in email, phone or name"),
  platform_role: z
    .enum(["superadmin", "platform_admin", "support"], { message: "Enter superadmin, platform_admin or support." })
    .optional()
    .describe("superadmin, platform_admin or support"),
  ordering: UserOrdering,
});

export const UserOut = z
  .object({
    id: z.string().describe("Opaque id"),
    email: z.string().nullable().describe("Lower-cased email, unique platform-wide"),
    phone: z.string().nullable().describe("E.164 phone number, unique platform-wide"),
    full_name: z.string(),
    is_active: z.boolean(),
    status: UserStatusField,
    client: z.string().nullable().describe("The user's school (its id); null for platform users"),
    platform_role: z.enum(["superadmin", "platform_admin", "support"]).nullable(),
    last_login: z.string().nullable().describe("ISO 8601 UTC"),
    date_joined: z.string().describe("ISO 8601 UTC"),
  })
  .meta({ id: "User" });

export function toUserOut(user: PublicUser): z.infer<typeof UserOut> {
  return {
    id: user.id,
    email: user.email,
    phone: user.phone,
    full_name: user.fullName,
    is_active: user.isActive,
    status: userStatus(user),
    client: user.clientId,
    platform_role: user.platformRole,
    last_login: user.lastLogin?.toISOString() ?? null,
    date_joined: user.dateJoined.toISOString(),
  };
}

const PasswordChangeRequired = z
  .boolean()
  .describe(
    "An admin set a temporary password: until POST …/auth/password/ changes it, every route but auth/password, me and logout answers 403 password_change_required",
  );

const MfaEnabled = z.boolean().describe("Two-factor sign-in (TOTP) is on: a right password answers mfa_required and an mfa_token");

/** The signed-in platform user (`GET /system/auth/me/`): the user object, whether their password must change, whether two-factor is on. */
export const MeOut = UserOut.extend({ password_change_required: PasswordChangeRequired, mfa_enabled: MfaEnabled }).meta({ id: "Me" });

export function toMeOut(user: PublicUser): z.infer<typeof MeOut> {
  return { ...toUserOut(user), password_change_required: user.passwordChangeRequired, mfa_enabled: user.mfaEnabled };
}

/** The `mfa_enabled` field of the `me` answers. */
export const MfaEnabledField = { mfa_enabled: MfaEnabled };

/** The `password_change_required` field of login and `me` answers. */
export const PasswordChangeRequiredField = { password_change_required: PasswordChangeRequired };

// ---------------------------------------------------------------------------------------------
// Bodies. Unknown fields (`client`, `platform_role` on a school user, `is_superuser`, …) are
// dropped by zod, never written: no mass assignment.
const FullName = z.string().trim().max(200, "Ensure this field has no more than 200 characters.");
/**
 * An account must keep a way to sign in: an email, a phone, or both. The create bodies refine on
 * it; an edit form (which holds both fields) applies the same rule, with the same message.
 */
export const CONTACT_RULE: [(b: { email?: string | null; phone?: string | null }) => boolean, { message: string; path: string[] }] = [
  (b) => Boolean(b.email || b.phone),
  { message: "Provide an email, a phone number, or both.", path: ["non_field_errors"] },
];

export const Teacher = z.object({
  employee_number: z.string().trim().min(1, "This field may not be blank.").max(50, "Ensure this field has no more than 50 characters."),
  subjects: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});

// The bodies below depend on the deployment's credential rules (password length, phone region):
// the server passes `inputRules()`, a form the rules its page handed it.
export const TenantUserCreateBody = byRules((rules) =>
  z
    .object({
      email: EmailField.optional(),
      phone: PhoneField(rules).optional(),
      password: NewPassword(rules)
        .optional()
        .describe("Leave out to invite: the user gets a single-use link to choose their own (status invited)"),
      full_name: FullName.default(""),
      roles: z.array(z.string().trim().min(1).max(100)).max(50).default([]).describe("Role names in that school"),
      teacher: Teacher.nullable().optional(),
    })
    .refine(...CONTACT_RULE)
    .meta({ id: "TenantUserCreate" }),
);

export const PLATFORM_ROLES = ["superadmin", "platform_admin", "support"] as const;

export const PlatformUserCreateBody = byRules((rules) =>
  z
    .object({
      email: EmailField.optional(),
      phone: PhoneField(rules).optional(),
      password: NewPassword(rules)
        .optional()
        .describe("Leave out to invite: the user gets a single-use link to choose their own (status invited)"),
      full_name: FullName.default(""),
      platform_role: z.enum(PLATFORM_ROLES),
    })
    .refine(...CONTACT_RULE)
    .meta({ id: "PlatformUserCreate" }),
);

export const PlatformUserPatchBody = byRules((rules) =>
  z
    .object({
      email: EmailField.nullable().optional(),
      phone: PhoneField(rules).nullable().optional(),
      password: NewPassword(rules)
        .optional()
        .describe(
          "A temporary password: ends the user's sessions; until they choose their own, they reach only auth/password, me and logout. Not your own: use POST /auth/password/",
        ),
      full_name: FullName.optional(),
      platform_role: z.enum(PLATFORM_ROLES).optional(),
      is_active: z.boolean().optional().describe("false deactivates and ends every session at once"),
    })
    .meta({ id: "PlatformUserPatch" }),
);

/** A school's user as the console changes them (`PATCH /system/clients/{id}/users/{uid}/`). */
export const TenantUserPatchBody = byRules((rules) =>
  z
    .object({
      email: EmailField.nullable().optional(),
      phone: PhoneField(rules).nullable().optional(),
      full_name: FullName.optional(),
      is_active: z.boolean().optional().describe("false deactivates and ends every session at once"),
      password: NewPassword(rules)
        .optional()
        .describe(
          "A temporary password: ends the user's sessions; until they choose their own, they reach only auth/password, me and logout",
        ),
    })
    .meta({ id: "TenantUserPatch" }),
);
