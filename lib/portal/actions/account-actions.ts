"use server";
// The portal's "My account": my name and phone, ending one of my sessions in this school, or every
// one but this. No permission needed: it is the user's own account.
import { z } from "zod";
import { endMyOtherSessions, endMySession } from "@/lib/auth/session-list";
import { ApiError } from "@/lib/http/api-error";
import { ObjectId } from "@/lib/http/ids";
import { inputRules } from "@/lib/env";
import { updateMyAccount } from "@/lib/auth/my-account";
import { MyAccountPatchBody, type MyAccountPatch } from "@/lib/auth/my-account-body";
import { portalAction, type ActionResult, type PortalWrite } from "@/lib/portal/portal-action";

/** The signed-in staff member behind a portal write (portal writes are never made by API keys). */
function caller({ schoolId, actor }: PortalWrite) {
  if (actor.principal.kind !== "user") throw ApiError.permissionDenied("Only a signed-in user has sessions.");
  return { principal: actor.principal, audience: "school" as const, schoolId, origin: actor.origin };
}

export async function endPortalSessionAction(input: { id: string }): Promise<ActionResult<null>> {
  return portalAction(null, z.object({ id: ObjectId("session") }), async ({ id }, write) => {
    await endMySession({ ...caller(write), id });
    return null;
  })(input);
}

export async function endOtherPortalSessionsAction(): Promise<ActionResult<number>> {
  return portalAction(null, z.object({}), async (_, write) => endMyOtherSessions(caller(write)))({});
}

export async function updateMyPortalDetailsAction(input: MyAccountPatch): Promise<ActionResult<null>> {
  return portalAction(null, MyAccountPatchBody(inputRules()), async (patch, write) => {
    const { principal, schoolId, origin } = caller(write);
    await updateMyAccount({ principal, audience: "school", schoolId, patch, origin });
    return null;
  })(input);
}
