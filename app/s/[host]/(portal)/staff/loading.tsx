// The staff page while it loads.
import { ListSkeleton } from "@/components/portal/page-skeleton";

export default function StaffLoading() {
  return <ListSkeleton label="staff" />;
}
