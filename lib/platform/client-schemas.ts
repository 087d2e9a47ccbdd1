// Schools ("clients" in the contract and the database) as the system API reads and writes them
// (the REST contract §5).
import { z } from "zod";
import { byRules, type InputRules } from "@/lib/config/input-rules";
import { Slug } from "@/lib/schools/slug";
import { QueryBoolean, QueryOrdering, QueryText, listQuery } from "@/lib/http/query";
import { UserOrdering } from "@/lib/users/user-schemas";
import { MfaRequired } from "@/lib/school/school-schemas";

/** Newest school first by default. */
export const SchoolOrdering = QueryOrdering(["name", "slug", "created_at"], "-created_at,-id");

export const SchoolListQuery = listQuery({
  search: QueryText(200).describe("Text in name, slug or domain"),
  is_active: QueryBoolean.describe("true or false"),
  ordering: SchoolOrdering,
});

export const SchoolUserListQuery = listQuery({ ordering: UserOrdering });

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A custom domain: a DNS name with at least two labels, not the platform's own domain. */
const DomainName = (rules: Pick<InputRules, "rootDomain">) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .max(253, "Ensure this field has no more than 253 characters.")
    .regex(HOSTNAME, "Enter a valid domain name, such as portal.school.edu.")
    .refine((d) => {
      const root = rules.rootDomain;
      return d !== root && !d.endsWith(`.${root}`);
    }, "Domains under the platform's own domain are served as subdomains; use the slug instead.");

const Name = z.string().trim().min(1, "This field may not be blank.").max(200, "Ensure this field has no more than 200 characters.");
const Domains = (rules: InputRules) =>
  z
    .array(DomainName(rules))
    .max(20, "Ensure this field has no more than 20 elements.")
    .refine((list) => new Set(list).size === list.length, "Domains must not repeat.");

// The bodies depend on the root domain (see DomainName): the server passes `inputRules()`.
export const ClientCreateBody = byRules((rules) =>
  z
    .object({
      name: Name.describe("School name"),
      slug: z.string().trim().toLowerCase().pipe(Slug).describe("Subdomain: 3–63 of a-z, 0-9, '-'"),
      domains: Domains(rules).default([]).describe("Custom domains served like the subdomain"),
      is_active: z.boolean().default(true),
      mfa_required: MfaRequired.default(false),
    })
    .meta({ id: "ClientCreate" }),
);

export const ClientPatchBody = byRules((rules) =>
  z
    .object({
      name: Name.optional(),
      slug: z.string().trim().toLowerCase().pipe(Slug).optional(),
      domains: Domains(rules).optional().describe("Replaces the whole list"),
      is_active: z.boolean().optional().describe("false suspends the school at once"),
      mfa_required: MfaRequired.optional(),
    })
    .meta({ id: "ClientPatch" }),
);

export const ClientOut = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    is_active: z.boolean(),
    domains: z.array(z.string()),
    mfa_required: MfaRequired,
    created_at: z.string().describe("ISO 8601 UTC"),
  })
  .meta({ id: "Client" });

export type ClientOutput = z.infer<typeof ClientOut>;

export function toClientOut(c: {
  id: string;
  name: string;
  slug: string;
  isActive: boolean;
  mfaRequired: boolean;
  createdAt: Date;
  domains: { domain: string }[];
}): ClientOutput {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    is_active: c.isActive,
    domains: c.domains.map((d) => d.domain).sort(),
    mfa_required: c.mfaRequired,
    created_at: c.createdAt.toISOString(),
  };
}
