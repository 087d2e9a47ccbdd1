"use client";
// The portal's "Change your password" form, and a way out (sign out) for who would rather not now.
import { useTransition } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { changePortalPassword } from "@/lib/portal/actions/password-actions";
import { signOutAction } from "@/lib/portal/actions/session-actions";
import { ChangePasswordForm } from "@/components/auth/password-change-form";
import { Button } from "@/components/ui/button";

export function PortalPasswordForm({ rules }: { rules: InputRules }) {
  const [signingOut, startSignOut] = useTransition();
  return (
    <div className="space-y-4">
      <ChangePasswordForm rules={rules} action={changePortalPassword} next="/profile" />
      <Button type="button" variant="ghost" className="w-full" pending={signingOut} onClick={() => startSignOut(() => signOutAction())}>
        Sign out
      </Button>
    </div>
  );
}
