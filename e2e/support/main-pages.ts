/** The console's main pages: every one must have its own title, pass the axe scan and be screenshotted. */
export const MAIN_PAGES = [
  { path: "/", title: "Dashboard · Vigil" },
  { path: "/findings", title: "Findings · Vigil" },
  { path: "/access", title: "Access · Vigil" },
  { path: "/drift", title: "Drift · Vigil" },
  { path: "/snapshots", title: "Snapshots · Vigil" },
  { path: "/accounts", title: "Accounts · Vigil" },
  { path: "/identity-center/users", title: "Identity Center users · Vigil" },
  { path: "/identity-center/groups", title: "Identity Center groups · Vigil" },
  { path: "/permission-sets", title: "Permission sets · Vigil" },
  { path: "/iam/roles", title: "IAM roles · Vigil" },
  { path: "/iam/users", title: "IAM users · Vigil" },
  { path: "/events", title: "Events · Vigil" },
  { path: "/audit", title: "Audit log · Vigil" },
  { path: "/breakglass", title: "Break-glass · Vigil" },
] as const;

/** Pages being added by other work (issue 11): checked when the route answers, skipped while it is a 404. */
export const OPTIONAL_PAGES = [
  { path: "/reviews", title: /· Vigil$/ },
  { path: "/drift/report", title: /· Vigil$/ },
  { path: "/changes", title: /· Vigil$/ },
] as const;
