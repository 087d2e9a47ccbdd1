// The audit log's list under its filters, the same in the console and the portal: the events and
// their pages, an empty state that tells "nothing yet" from "nothing matches" — or, when a filter
// could not be read, a message pointing at the fields the filters mark.
import { type AuditRow, AuditTable } from "@/components/audit/audit-table";
import { ListEmpty } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";

export function AuditResults({
  list,
  kept,
  basePath,
  schoolNames,
  emptyText,
}: {
  /** The page of events; null when the filters did not parse. */
  list: { results: AuditRow[]; page: number; pageSize: number; count: number } | null;
  /** The query parameters in use (pages keep them). */
  kept: Record<string, string>;
  basePath: string;
  /** The console's school column; absent in a school's own trail. */
  schoolNames?: Record<string, string>;
  emptyText: string;
}) {
  if (list === null) {
    return (
      <p role="alert" className="rounded-lg border border-dashed border-red-300 bg-white p-8 text-center text-sm text-red-800">
        Some filters could not be read. Correct the fields marked above to see events.
      </p>
    );
  }
  return (
    <>
      <AuditTable
        rows={list.results}
        schoolNames={schoolNames}
        empty={
          <ListEmpty filtered={Object.keys(kept).length > 0} what="events" clearHref={basePath}>
            {emptyText}
          </ListEmpty>
        }
      />
      <Pagination page={list.page} pageSize={list.pageSize} count={list.count} basePath={basePath} query={kept} />
    </>
  );
}
