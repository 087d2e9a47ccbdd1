"use client";
// What the kit needs to know about the app it runs in (the console or a school's portal): where
// its sign-in page is, so "your session has ended" can offer a way back to this very page.
import { usePathname, useSearchParams } from "next/navigation";
import { createContext, useContext, type ReactNode } from "react";

export interface AppInfo {
  /** The sign-in page of this app: /console/sign-in or a school's /sign-in. */
  signInPath: string;
}

const AppContext = createContext<AppInfo>({ signInPath: "/sign-in" });

export function AppProvider({ value, children }: { value: AppInfo; children: ReactNode }) {
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

/** The sign-in page, set to come back to the page the user is on. */
export function useSignInHref(): string {
  const { signInPath } = useContext(AppContext);
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = search ? `${pathname}?${search}` : pathname;
  return `${signInPath}?next=${encodeURIComponent(here)}`;
}
