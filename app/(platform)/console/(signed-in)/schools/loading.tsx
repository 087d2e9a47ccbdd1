// Shown while the page loads: its shape, without its data.
import { ListSkeleton } from "@/components/ui/list-skeleton";

export default function Loading() {
  return <ListSkeleton label="Loading schools" filters={3} rows={6} />;
}
