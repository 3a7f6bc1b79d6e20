"use client";

import { SessionProvider } from "next-auth/react";

/** Client-side context: the session for the header (pages stay cacheable). */
export function Providers({ children }: { children: React.ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
