import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

// No title here: each page names itself (PageHeader renders "<Page> · Vigil", pages outside the
// console set metadata.title), and a root title would be a second, competing <title>.
export const metadata = { description: "AWS access audit and break-glass console" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next puts the request's CSP nonce (proxy.ts) on its scripts only
  // then; a page prerendered at build time would carry none, and the browser would block it.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
