import type { IamUser } from "../aws";
import type { FindingSettings } from "./findings-settings";

export type Purpose = "break-glass" | "automation";

/** The tag key is exact (`vigil:purpose`); its value is matched case-insensitively. */
export const PURPOSE_TAG = "vigil:purpose";

/** Why a user is designated break-glass or automation, or null when it is not. */
export function designationOf(
  user: Pick<IamUser, "userName" | "arn" | "tags">,
  settings: FindingSettings,
): { purpose: Purpose; by: "tag" | "settings" } | null {
  const tagged = user.tags[PURPOSE_TAG]?.trim().toLowerCase();
  if (tagged === "break-glass" || tagged === "automation") return { purpose: tagged, by: "tag" };
  const named = (names: string[]) => names.some((name) => name === user.userName || name === user.arn);
  if (named(settings.breakglassUsers)) return { purpose: "break-glass", by: "settings" };
  if (named(settings.automationUsers)) return { purpose: "automation", by: "settings" };
  return null;
}
