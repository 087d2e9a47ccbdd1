"use server";
// The console's "My account": my name and phone, ending one of my sessions, or every one but this
// (any platform role: it is the user's own account).
import { z } from "zod";
import { endMyOtherSessions, endMySession } from "@/lib/auth/session-list";
import { consoleAction, type ActionResult } from "@/lib/console/console-action";
import { ObjectId } from "@/lib/http/ids";
import { inputRules } from "@/lib/env";
import { updateMyAccount } from "@/lib/auth/my-account";
import { MyAccountPatchBody, type MyAccountPatch } from "@/lib/auth/my-account-body";

export async function updateMyConsoleDetailsAction(input: MyAccountPatch): Promise<ActionResult<null>> {
  return consoleAction("any", MyAccountPatchBody(inputRules()), async (patch, { principal, origin }) => {
    await updateMyAccount({ principal, audience: "system", schoolId: null, patch, origin });
    return null;
  })(input);
}

export async function endConsoleSessionAction(input: { id: string }): Promise<ActionResult<null>> {
  return consoleAction("any", z.object({ id: ObjectId("session") }), async ({ id }, { principal, origin }) => {
    await endMySession({ principal, audience: "system", schoolId: null, id, origin });
    return null;
  })(input);
}

export async function endOtherConsoleSessionsAction(): Promise<ActionResult<number>> {
  return consoleAction("any", z.object({}), async (_, { principal, origin }) =>
    endMyOtherSessions({ principal, audience: "system", schoolId: null, origin }),
  )({});
}
