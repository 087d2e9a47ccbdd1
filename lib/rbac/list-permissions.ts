// GET /school/permissions/: the catalogue as a list, for clients building role editors.
import { z } from "zod";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { listQuery } from "@/lib/http/query";
import { PERMISSIONS } from "@/lib/rbac/catalogue";

export const PermissionListQuery = listQuery({});

export const PermissionOut = z
  .object({ codename: z.string(), label: z.string(), resource: z.string(), action: z.string() })
  .meta({ id: "Permission" });

export async function listPermissions(options: { page: PageRequest }) {
  return paginate(
    options.page,
    {
      count: async () => PERMISSIONS.length,
      rows: async ({ skip, take }) => PERMISSIONS.slice(skip, skip + take),
    },
    ({ codename, label, resource, action }): z.infer<typeof PermissionOut> => ({ codename, label, resource, action }),
  );
}
