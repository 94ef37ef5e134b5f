"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/" })}
      className="rounded-full px-3 py-2 text-sm text-ocean-100 hover:bg-white/10 hover:text-white"
    >
      Sair
    </button>
  );
}
