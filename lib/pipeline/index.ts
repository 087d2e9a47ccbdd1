// The request pipeline: one wrapper per audience, so a route cannot forget a check.
//
//   export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
//     GET: schoolRoute({ resource: "students", query: StudentListQuery }, async (ctx) => …),
//   });
//
// systemRoute (system-route.ts): the platform host, platform users. schoolRoute
// (school-route.ts): a school, its staff or an API key, RBAC. publicRoute and endpoint()
// (endpoint.ts): what every route shares.
export { endpoint, publicRoute, type RouteHandler } from "@/lib/pipeline/endpoint";
export { systemRoute, type PublicSystemContext, type SystemContext } from "@/lib/pipeline/system-route";
export {
  schoolRoute,
  type PublicSchoolContext,
  type ReadScope,
  type SchoolContext,
  type SchoolUserContext,
} from "@/lib/pipeline/school-route";
