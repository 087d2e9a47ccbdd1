// GET, POST /api/v1/system/clients/ — schools: list (?search=, ?is_active=), create with default roles
import { inputRules } from "@/lib/env";
import { ClientCreateBody, SchoolListQuery } from "@/lib/platform/client-schemas";
import { createSchool, listSchools } from "@/lib/platform/schools";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({ query: SchoolListQuery }, async ({ query, url }) => ok(pageBody(url, await listSchools(query)))),
  POST: systemRoute({ body: ClientCreateBody(inputRules()) }, async (ctx) => ok(await createSchool({ school: ctx.body, actor: ctx }), 201)),
});
