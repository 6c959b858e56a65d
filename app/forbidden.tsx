import Link from "next/link";

export const metadata = { title: "Forbidden · Vigil" };

/** Rendered with HTTP 403 when requireRole/requirePermission refuse a signed-in user. */
export default function Forbidden() {
  return (
    <main style={{ padding: 24 }}>
      <h1>403 — Forbidden</h1>
      <p>Your role does not allow this page or action. Ask an administrator if you need access.</p>
      <p>
        <Link href="/">Back to the dashboard</Link>
      </p>
    </main>
  );
}
