"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";

export function LogoutButton({ label, className }: { label: string; className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
    >
      {label}
    </button>
  );
}
