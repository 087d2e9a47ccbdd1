// Ids in request bodies (role, user, class, teacher) must name an object of this school; any
// other id — malformed, unknown, or another school's — is the same DRF-style 400.
import { ApiError } from "@/lib/http/api-error";
import { isId } from "@/lib/http/ids";
import type { SchoolTx } from "@/lib/db/school-scope";

export function invalidRef(field: string, id: string): ApiError {
  return ApiError.invalid({ [field]: [`Invalid pk "${id.slice(0, 64)}" - object does not exist.`] });
}

type Kind = "user" | "role" | "class";

export async function assertRef(tx: SchoolTx, kind: Kind, id: string, schoolId: string, field: string = kind): Promise<string> {
  if (!isId(id)) throw invalidRef(field, id);
  const key = id.toLowerCase();
  const where = { id: key, clientId: schoolId };
  const found =
    kind === "user"
      ? await tx.user.findFirst({ where, select: { id: true } })
      : kind === "role"
        ? await tx.schoolRole.findFirst({ where, select: { id: true } })
        : await tx.schoolClass.findFirst({ where, select: { id: true } });
  if (!found) throw invalidRef(field, id);
  return key;
}
