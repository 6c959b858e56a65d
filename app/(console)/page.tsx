import { requireSession } from "@/lib/auth";

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const user = await requireSession();
  return (
    <section>
      <h1>Dashboard</h1>
      <p>
        Signed in as <strong>{user.displayName}</strong> with role <strong>{user.role}</strong> (
        {user.method === "LOCAL" ? "local break-glass account" : "single sign-on"}).
      </p>
    </section>
  );
}
