// The roles page while it loads.
import { ListSkeleton } from "@/components/portal/page-skeleton";

export default function RolesLoading() {
  return <ListSkeleton label="roles" />;
}
