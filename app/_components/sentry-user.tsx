"use client";

import * as Sentry from "@sentry/nextjs";
import { useEffect } from "react";

/** Tags browser errors with the signed-in shopper's id (only the id: never email or name). */
export function SentryUser({ id }: { id: string | null }) {
  useEffect(() => {
    if (!id) return;
    Sentry.setUser({ id });
    // Signed out (or another account): forget this one.
    return () => Sentry.setUser(null);
  }, [id]);
  return null;
}
