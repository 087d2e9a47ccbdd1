// A readable API reference, rendered on the server from the OpenAPI document (no external
// assets: the product must work offline).
import type { Metadata } from "next";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API reference" };

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
};
type Operation = {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};

/** An id for a tag ("School auth" → "school-auth"): an id with a space would name two ids. */
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");

function refName(schema?: Schema): string | null {
  return schema?.$ref ? (schema.$ref.split("/").pop() ?? null) : null;
}

function typeLabel(s: Schema): string {
  if (s.$ref) return refName(s) ?? "object";
  if (s.anyOf) return s.anyOf.map(typeLabel).join(" | ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === "array") return `${s.items ? typeLabel(s.items) : "any"}[]`;
  return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
}

function SchemaTable({ name, schema }: { name: string; schema: Schema }) {
  const props = Object.entries(schema.properties ?? {});
  return (
    <section id={`schema-${name}`} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="font-mono text-sm font-semibold">{name}</h3>
      {props.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{typeLabel(schema)}</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <thead>
            <tr className="text-slate-600">
              <th scope="col" className="py-1 pr-4">
                Field
              </th>
              <th scope="col" className="py-1 pr-4">
                Type
              </th>
              <th scope="col" className="py-1">
                Notes
              </th>
            </tr>
          </thead>
          <tbody>
            {props.map(([field, s]) => (
              <tr key={field} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-4 font-mono [overflow-wrap:anywhere]">
                  {field}
                  {schema.required?.includes(field) ? "" : "?"}
                </td>
                <td className="py-1 pr-4 font-mono text-slate-700 [overflow-wrap:anywhere]">{typeLabel(s)}</td>
                <td className="py-1 text-slate-600">{s.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function DocsPage() {
  const doc = openApiDocument() as unknown as {
    info: { title: string; description?: string };
    paths: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? "Other"))];
  return (
    <main id="content" className="mx-auto max-w-5xl px-4 py-10 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-semibold tracking-tight">{doc.info.title}</h1>
      <p className="mt-3 max-w-3xl text-slate-700">{doc.info.description}</p>
      <p className="mt-2 text-sm">
        <a className="text-blue-700 underline" href="/api/v1/openapi.json">
          Download the OpenAPI 3.1 document
        </a>
      </p>
      {tags.map((tag) => (
        <section key={tag} className="mt-10" aria-labelledby={`tag-${slug(tag)}`}>
          <h2 id={`tag-${slug(tag)}`} className="text-xl font-semibold">
            {tag}
          </h2>
          <ul className="mt-4 space-y-3">
            {operations
              .filter((o) => (o.op.tags?.[0] ?? "Other") === tag)
              .map(({ path, method, op }) => {
                const body = refName(op.requestBody?.content?.["application/json"]?.schema);
                return (
                  <li key={method + path} className="rounded-lg border border-slate-200 bg-white p-4">
                    <p className="font-mono text-sm [overflow-wrap:anywhere]">
                      <span className="mr-2 rounded bg-slate-900 px-2 py-0.5 text-xs font-bold uppercase text-white">{method}</span>
                      {path}
                    </p>
                    <p className="mt-2 text-slate-800">{op.summary}</p>
                    <p className="mt-1 text-sm text-slate-600">
                      {op.security?.length ? "Needs a Bearer access token." : "No credentials needed."}
                      {body ? (
                        <>
                          {" "}
                          Body:{" "}
                          <a className="font-mono text-blue-700 underline" href={`#schema-${body}`}>
                            {body}
                          </a>
                          .
                        </>
                      ) : null}
                    </p>
                    <dl className="mt-2 grid grid-cols-[4rem_1fr] gap-x-2 text-sm">
                      {Object.entries(op.responses ?? {}).map(([status, r]) => {
                        const out = refName(r.content?.["application/json"]?.schema);
                        return [
                          <dt key={`${status}t`} className="font-mono text-slate-600">
                            {status}
                          </dt>,
                          <dd key={`${status}d`} className="text-slate-700">
                            {r.description}
                            {out ? (
                              <>
                                {" "}
                                —{" "}
                                <a className="font-mono text-blue-700 underline" href={`#schema-${out}`}>
                                  {out}
                                </a>
                              </>
                            ) : null}
                          </dd>,
                        ];
                      })}
                    </dl>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
      <section className="mt-12" aria-labelledby="schemas">
        <h2 id="schemas" className="text-xl font-semibold">
          Schemas
        </h2>
        {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
          <SchemaTable key={name} name={name} schema={schema} />
        ))}
      </section>
    </main>
  );
}
