import type { Db } from "../db";
import { USER_SUMMARY_SELECT, toUserSummary, type UserSummary } from "./user-summary";

export async function findUsers(db: Db): Promise<UserSummary[]> {
  const users = await db.user.findMany({
    select: USER_SUMMARY_SELECT,
    orderBy: [{ isLocal: "desc" }, { username: "asc" }, { email: "asc" }],
  });
  return users.map((user) => toUserSummary(user));
}
