// The user as the API shows it (API.md §3). Only these fields ever leave the server.
import { z } from "zod";

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
}

export const UserOut = z
  .object({
    id: z.string().describe("Opaque id"),
    email: z.string().nullable().describe("Lower-cased email, unique platform-wide"),
    phone: z.string().nullable().describe("E.164 phone number, unique platform-wide"),
    full_name: z.string(),
    is_active: z.boolean(),
    client: z.string().nullable().describe("Tenant id; null for platform users"),
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
    client: user.clientId,
    platform_role: user.platformRole,
    last_login: user.lastLogin?.toISOString() ?? null,
    date_joined: user.dateJoined.toISOString(),
  };
}
