// The profile page while it loads.
import { ProfileSkeleton } from "@/components/portal/page-skeleton";

export default function ProfileLoading() {
  return <ProfileSkeleton />;
}
