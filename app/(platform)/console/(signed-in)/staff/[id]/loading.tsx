// A platform staff member's page while it loads.
import { ListSkeleton } from "@/components/ui/list-skeleton";

export default function PlatformStaffMemberLoading() {
  return <ListSkeleton label="Loading staff member" filters={0} rows={3} />;
}
