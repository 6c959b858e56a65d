import type { ScenarioSpec } from "../scenario-spec";

type IdentityCenterSpec = ScenarioSpec["identityCenter"];

export const DEMO_DOMAIN = "acme-fintech.example";

/** [given, family, title] per team; user names are work e-mail addresses, as with most SCIM setups. */
const TEAMS: Record<string, Array<[string, string, string]>> = {
  "platform-engineers": [
    ["Amelia", "Hart", "Staff SRE"],
    ["Noah", "Fischer", "SRE"],
    ["Priya", "Raman", "Platform Engineer"],
    ["Lucas", "Moreau", "Platform Engineer"],
    ["Sofia", "Kowalski", "SRE Manager"],
    ["Ethan", "Brooks", "Cloud Engineer"],
  ],
  "payments-engineers": [
    ["Oliver", "Grant", "Engineering Lead, Payments"],
    ["Mia", "Novak", "Backend Engineer"],
    ["Liam", "Okafor", "Backend Engineer"],
    ["Chloe", "Dubois", "Backend Engineer"],
    ["Mateo", "Silva", "Backend Engineer"],
    ["Hannah", "Berg", "Frontend Engineer"],
    ["Yuki", "Tanaka", "Backend Engineer"],
    ["Daniel", "Avraham", "Engineering Manager"],
  ],
  "data-engineers": [
    ["Grace", "Liu", "Data Engineering Lead"],
    ["Arjun", "Mehta", "Data Engineer"],
    ["Emma", "Schulz", "Data Engineer"],
    ["Tomas", "Horvat", "Analytics Engineer"],
    ["Isabel", "Ortega", "Data Scientist"],
    ["Felix", "Wagner", "Data Engineer"],
    ["Aisha", "Bello", "ML Engineer"],
    ["Samuel", "Kim", "Data Engineer"],
  ],
  "security-team": [
    ["Nadia", "Petrova", "Head of Security"],
    ["Marcus", "Reid", "Security Engineer"],
    ["Leah", "Cohen", "Security Analyst"],
    ["Victor", "Alves", "Cloud Security Engineer"],
  ],
  finance: [
    ["Rachel", "Adams", "FinOps Analyst"],
    ["George", "Whitfield", "Controller"],
    ["Ines", "Carvalho", "Accountant"],
  ],
  leadership: [
    ["Helen", "Marsh", "CTO"],
    ["Robert", "Chen", "VP Engineering"],
  ],
  support: [
    ["Jack", "Doyle", "Support Engineer"],
    ["Olivia", "Svensson", "Support Engineer"],
    ["Ahmed", "Haddad", "Support Lead"],
    ["Lena", "Vogel", "Support Engineer"],
  ],
  contractors: [
    ["Pavel", "Smirnov", "Contractor"],
    ["Bianca", "Rossi", "Contractor"],
    ["Kenji", "Sato", "Contractor"],
  ],
  qa: [
    ["Zoe", "Lambert", "QA Engineer"],
    ["Omar", "Farouk", "QA Engineer"],
  ],
};

export const userNameOf = (given: string, family: string): string => `${given}.${family}`.toLowerCase() + `@${DEMO_DOMAIN}`;

export const DEMO_USERS: IdentityCenterSpec["users"] = Object.values(TEAMS)
  .flat()
  .map(([givenName, familyName, title], i) => ({
    userName: userNameOf(givenName, familyName),
    givenName,
    familyName,
    title,
    createdDaysAgo: 200 + ((i * 37) % 700),
  }));

const members = (team: string) => (TEAMS[team] ?? []).map(([g, f]) => userNameOf(g, f));

export const DEMO_GROUPS: IdentityCenterSpec["groups"] = [
  { name: "platform-engineers", description: "Platform and SRE", members: members("platform-engineers") },
  {
    name: "bastion-operators",
    description: "On-call operators allowed through the bastion",
    members: members("platform-engineers").slice(0, 4),
  },
  { name: "payments-engineers", description: "Payments product team", members: members("payments-engineers") },
  { name: "data-engineers", description: "Data platform team", members: members("data-engineers") },
  { name: "security-team", description: "Security engineering and audit", members: members("security-team") },
  { name: "finance", description: "Finance and FinOps", members: members("finance") },
  { name: "leadership", description: "Engineering leadership", members: members("leadership") },
  { name: "support", description: "Production support", members: members("support") },
  { name: "contractors", description: "External contractors", members: members("contractors") },
  { name: "qa", description: "Quality assurance", members: members("qa") },
];

/** Signed up but never used their access: their assignments stay unused. */
export const DEMO_DORMANT_USERS = [userNameOf("Kenji", "Sato"), userNameOf("George", "Whitfield")];

/** Left the company; their Identity Center user is gone but an IAM user still names them. */
export const DEMO_DEPARTED_OWNER = `jordan.lee@${DEMO_DOMAIN}`;

export const DIRECT_ADMIN_USER = userNameOf("Oliver", "Grant");
export const DIRECT_CONTRACTOR_USER = userNameOf("Kenji", "Sato");
