// The classes page while it loads.
import { ListSkeleton } from "@/components/portal/page-skeleton";

export default function ClassesLoading() {
  return <ListSkeleton label="classes" />;
}
