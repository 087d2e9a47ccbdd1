// The school forms' schemas, derived from the REST bodies (ClientCreateBody, ClientPatchBody,
// TenantUserCreateBody) with their messages, so the browser checks every rule the server will
// before sending. Two things differ only in how a form holds them: custom domains are typed one a
// line, and an email or phone left empty is "" (see contact-fields.tsx).
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";
import { ClientCreateBody, ClientPatchBody } from "@/lib/platform/client-schemas";
import { TenantUserCreateBody } from "@/lib/users/user-schemas";
import { blankAs } from "@/components/ui/contact-fields";
import { CREDENTIAL_FIELDS, chosenCredential } from "@/components/ui/credential-choice";

/** One domain a line (commas and spaces also separate); blank lines are ignored. */
export function domainLines(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

/** The domains as typed, checked with the body's own list schema; a bad domain is named in its message. */
function DomainsText(list: z.ZodType<string[]>) {
  return z.string().transform((text, ctx) => {
    const domains = domainLines(text);
    const parsed = list.safeParse(domains);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const at = issue.path[0];
      ctx.addIssue({ code: "custom", message: typeof at === "number" ? `${domains[at]}: ${issue.message}` : issue.message });
    }
    return z.NEVER;
  });
}

/** A school admin as the form holds them (TenantUserCreateBody): the first one, or another; invited unless a password is set now. */
export function AdminForm(rules: InputRules) {
  const admin = TenantUserCreateBody(rules);
  return chosenCredential(
    admin.safeExtend({ ...CREDENTIAL_FIELDS, email: blankAs(undefined, admin.shape.email), phone: blankAs(undefined, admin.shape.phone) }),
    rules,
  );
}

/** A new school and its first admin: the body of createSchoolAction (SchoolWithAdminCreateBody). */
export function NewSchoolForm(rules: InputRules) {
  const school = ClientCreateBody(rules);
  return z.object({
    school: school.pick({ name: true, slug: true }).extend({ domains: DomainsText(school.shape.domains) }),
    admin: AdminForm(rules),
  });
}

/** "Add another admin" on a school's page: the admin alone, under `admin.` as in NewSchoolForm. */
export function AddAdminForm(rules: InputRules) {
  return z.object({ admin: AdminForm(rules) });
}

/** A school's name and custom domains (ClientPatchBody); the name is required here, as the form always sends it. */
export function EditSchoolForm(rules: InputRules) {
  const patch = ClientPatchBody(rules);
  return patch
    .pick({ name: true })
    .required()
    .extend({ domains: DomainsText(patch.shape.domains.unwrap()) });
}
