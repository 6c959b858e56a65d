import Link from "next/link";

export const metadata = { title: "Not found · Vigil" };

/** Addresses that match no route at all (the console's own ids have app/(console)/not-found.tsx). */
export default function NotFound() {
  return (
    <main style={{ padding: 24 }}>
      <h1>404 — Not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link href="/">Back to the dashboard</Link>
      </p>
    </main>
  );
}
