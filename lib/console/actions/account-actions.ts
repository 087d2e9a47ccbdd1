"use server";
// The console's "My account": ending one of my sessions, or every one but this (any platform role:
// they are the user's own).
import { z } from "zod";
import { endMyOtherSessions, endMySession } from "@/lib/auth/session-list";
import { consoleAction, type ActionResult } from "@/lib/console/console-action";
import { ObjectId } from "@/lib/http/ids";

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
