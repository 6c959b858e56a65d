import { statementCoversAction, statementsOf } from "../policy";
import type { PolicyDocument } from "../aws";

/**
 * Whether any Allow statement of the documents could grant the action (resources and conditions
 * aside). A quick, sound pre-check: when none could, the evaluator cannot find an identity allow.
 */
export function mayAllowAction(documents: ReadonlyArray<PolicyDocument | null>, action: string): boolean {
  return documents.some((document) =>
    statementsOf(document).some((statement) => statement.Effect === "Allow" && statementCoversAction(statement, action)),
  );
}
