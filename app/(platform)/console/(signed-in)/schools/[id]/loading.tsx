// A school's page while it loads.
import { ListSkeleton } from "@/components/ui/list-skeleton";

export default function SchoolLoading() {
  return <ListSkeleton label="Loading school" filters={0} rows={4} />;
}
