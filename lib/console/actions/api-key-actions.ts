"use server";
// The API keys page's writes: platform admins and superadmins (the REST contract §5), through the console's
// pipeline with the same body and domain functions as /api/v1/system/api-keys/.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApiKeyCreateBody } from "@/lib/api-keys/api-key-schemas";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { consoleAction } from "@/lib/console/console-action";
import { ObjectId } from "@/lib/http/ids";

const PATH = "/console/api-keys";

/** Answers the new key's fields and, this once, the key itself. */
export async function createKey(input: z.input<typeof ApiKeyCreateBody>) {
  return consoleAction("write", ApiKeyCreateBody, async (body, actor) => {
    const created = await createApiKey({ actor, key: body });
    revalidatePath(PATH);
    return created;
  })(input);
}

export async function revokeKey(input: { id: string }) {
  return consoleAction("write", z.object({ id: ObjectId("API key") }), async ({ id }, actor) => {
    await revokeApiKey({ actor, id });
    revalidatePath(PATH);
    return null;
  })(input);
}
