import type { ReactNode } from "react";
import "./globals.css";

export const metadata = { title: "Vigil", description: "AWS access audit and break-glass console" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
