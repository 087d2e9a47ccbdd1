"use client";
// The console's "Change your password" form, and a way out (sign out) for who would rather not now.
import { signOut } from "next-auth/react";
import type { InputRules } from "@/lib/config/input-rules";
import { changeConsolePassword } from "@/lib/console/actions/password-actions";
import { ChangePasswordForm } from "@/components/auth/password-change-form";
import { Button } from "@/components/ui/button";

export function ConsolePasswordForm({ rules }: { rules: InputRules }) {
  return (
    <div className="space-y-4">
      <ChangePasswordForm rules={rules} action={changeConsolePassword} next="/console" />
      <Button type="button" variant="ghost" className="w-full" onClick={() => void signOut({ callbackUrl: "/console/sign-in" })}>
        Sign out
      </Button>
    </div>
  );
}
