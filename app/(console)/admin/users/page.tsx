import { findUsers, ROLE_NAMES } from "@/lib/auth";
import { requireRole } from "@/app/_auth/require-session";
import { getDb } from "@/lib/db";
import { CreateUserForm } from "./create-user-form";
import { ResetTotpForm, RoleForm, UnlockForm } from "./user-actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users · Vigil" };

export default async function AdminUsersPage() {
  await requireRole("admin");
  const users = await findUsers(await getDb());
  const now = new Date();
  return (
    <section>
      <h1>Users</h1>
      <h2>Create a local break-glass account</h2>
      <p>Local accounts sign in with a password and a TOTP code, and keep working when the identity provider is down.</p>
      <CreateUserForm roles={ROLE_NAMES} />
      <h2>All users</h2>
      <p>SSO users get their role from IdP groups again at every sign-in; a role set here lasts until then.</p>
      <table>
        <thead>
          <tr>
            <th>Username</th>
            <th>Email</th>
            <th>Role</th>
            <th>Type</th>
            <th>TOTP</th>
            <th>Locked</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isLocked = user.lockedUntil !== null && user.lockedUntil > now;
            return (
              <tr key={user.id} data-testid={`user-row-${user.username ?? user.email}`}>
                <td>{user.username ?? "—"}</td>
                <td>{user.email}</td>
                <td>
                  <RoleForm userId={user.id} role={user.role} roles={ROLE_NAMES} />
                </td>
                <td>{user.method === "LOCAL" ? <span className="badge">local</span> : <span className="badge">SSO</span>}</td>
                <td>
                  {user.method === "LOCAL" ? (
                    user.isTotpEnrolled ? (
                      <span className="badge ok">enrolled</span>
                    ) : (
                      <span className="badge danger">missing</span>
                    )
                  ) : (
                    <span className="badge">IdP</span>
                  )}
                </td>
                <td>{isLocked ? <span className="badge danger">until {user.lockedUntil!.toISOString().slice(11, 16)} UTC</span> : "—"}</td>
                <td style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
                  {user.method === "LOCAL" ? <ResetTotpForm userId={user.id} /> : null}
                  {isLocked || user.failedLoginCount > 0 ? <UnlockForm userId={user.id} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
