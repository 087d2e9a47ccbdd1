// The students page while it loads.
import { ListSkeleton } from "@/components/portal/page-skeleton";

export default function StudentsLoading() {
  return <ListSkeleton label="students" />;
}
