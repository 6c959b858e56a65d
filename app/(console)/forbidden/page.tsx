import Link from "next/link";
import { requireSession } from "@/lib/auth";

export const dynamic = "force-dynamic";
export const metadata = { title: "Forbidden · Vigil" };

/**
 * Where requireRole sends a signed-in user who lacks the role. (Next's forbidden() would answer
 * with HTTP 403 but needs experimental.authInterrupts; route handlers do return 403.)
 */
export default async function ForbiddenPage() {
  const user = await requireSession();
  return (
    <section>
      <h1>403 — Forbidden</h1>
      <p>
        Your role (<strong>{user.role}</strong>) does not allow this page or action. Ask an administrator if you need access.
      </p>
      <p>
        <Link href="/">Back to the dashboard</Link>
      </p>
    </section>
  );
}
