import type { Db } from "../db";
import type { IamRole, PolicyDocument } from "../aws";
import { getEntityHistory } from "../snapshot";
import { changedFields } from "./changed-fields";

export interface RoleVersion {
  validFrom: number;
  /** null while the version is current */
  validTo: number | null;
  validFromAsOf: Date | null;
  validToAsOf: Date | null;
  /** fields that differ from the previous version; empty for the first */
  changedFields: string[];
  trustPolicy: PolicyDocument | null;
  maxSessionDuration: number | null;
}

/** Every readable version of a role, newest first, each with what changed since the one before. */
export async function getIamRoleHistory(db: Db, arn: string): Promise<RoleVersion[]> {
  const versions = await getEntityHistory<IamRole>(db, "IAM_ROLE", arn);
  return versions
    .map((version, index) => {
      const previous = versions[index - 1];
      return {
        validFrom: version.validFrom,
        validTo: version.validTo,
        validFromAsOf: version.validFromAsOf,
        validToAsOf: version.validToAsOf,
        changedFields: previous ? changedFields({ ...previous.data }, { ...version.data }) : [],
        trustPolicy: version.data.trustPolicy ?? null,
        maxSessionDuration: version.data.maxSessionDuration ?? null,
      };
    })
    .reverse();
}
