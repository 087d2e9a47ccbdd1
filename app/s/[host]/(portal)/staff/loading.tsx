// The staff page while it loads.
import { ListSkeleton } from "@/components/ui/list-skeleton";

export default function StaffLoading() {
  return <ListSkeleton label="Loading staff" filters={2} rows={6} />;
}
