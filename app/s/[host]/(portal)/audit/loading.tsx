// The audit log while it loads.
import { ListSkeleton } from "@/components/ui/list-skeleton";

export default function AuditLoading() {
  return <ListSkeleton label="Loading the audit log" filters={5} rows={8} />;
}
