"use client";
// Ends every login of the account on the server, then this browser's.
import { signOut } from "next-auth/react";
import { useState } from "react";
import { logoutEverywhereAction } from "@/app/account/actions";

export function LogoutEverywhereButton({ label, className }: { label: string; className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={pending}
      aria-busy={pending}
      data-testid="logout-everywhere"
      onClick={async () => {
        setPending(true);
        await logoutEverywhereAction();
        await signOut({ callbackUrl: "/login" });
      }}
    >
      {label}
    </button>
  );
}
