"use server";
// The API keys page's writes: platform admins and superadmins (the REST contract §5), through the console's
// pipeline with the same bodies and domain functions as /api/v1/system/api-keys/ (create, PATCH,
// rotate, DELETE).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApiKeyCreateBody, ApiKeyPatchBody, ApiKeyRotateBody } from "@/lib/api-keys/api-key-schemas";
import { createApiKey, revokeApiKey, rotateApiKey, updateApiKey } from "@/lib/api-keys/api-keys";
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

const KeyId = z.object({ id: ObjectId("API key") });

/** Name, scopes and expiry (PATCH's body; the school is never accepted). */
export async function updateKey(input: { id: string } & z.input<typeof ApiKeyPatchBody>) {
  return consoleAction("write", ApiKeyPatchBody.extend(KeyId.shape), async ({ id, ...patch }, actor) => {
    const updated = await updateApiKey({ actor, id, patch });
    revalidatePath(PATH);
    return updated;
  })(input);
}

/** A replacement, shown this once; the old key works for `grace_seconds` more. */
export async function rotateKey(input: { id: string } & z.input<typeof ApiKeyRotateBody>) {
  return consoleAction("write", ApiKeyRotateBody.extend(KeyId.shape), async ({ id, grace_seconds }, actor) => {
    const created = await rotateApiKey({ actor, id, graceSeconds: grace_seconds });
    revalidatePath(PATH);
    return created;
  })(input);
}

export async function revokeKey(input: { id: string }) {
  return consoleAction("write", KeyId, async ({ id }, actor) => {
    await revokeApiKey({ actor, id });
    revalidatePath(PATH);
    return null;
  })(input);
}
