// The students page while it loads.
import { ListSkeleton } from "@/components/ui/list-skeleton";

export default function StudentsLoading() {
  return <ListSkeleton label="students" />;
}
