// The roles page while it loads.
import { ListSkeleton } from "@/components/ui/list-skeleton";

export default function RolesLoading() {
  return <ListSkeleton label="Loading roles" filters={1} rows={6} />;
}
