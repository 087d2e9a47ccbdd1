// The classes page while it loads.
import { ListSkeleton } from "@/components/ui/list-skeleton";

export default function ClassesLoading() {
  return <ListSkeleton label="Loading classes" filters={3} rows={6} />;
}
