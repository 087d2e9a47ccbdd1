// Shown while the page loads: its shape, without its data.
import { ListSkeleton } from "@/components/ui/list-skeleton";

export default function Loading() {
  return <ListSkeleton label="Loading the outbox" filters={2} rows={6} />;
}
