import Link from "next/link";
import type { RotationProblem } from "@/lib/breakglass";
import { formatDateTime } from "../_components/format";
import "./breakglass.css";

/** Credentials someone saw that AWS may still accept: always critical, never folded away. */
export function RotationProblemsNotice({
  problems,
  credentialLabel,
}: {
  problems: RotationProblem[];
  credentialLabel: Map<string, string>;
}) {
  if (problems.length === 0) return null;
  return (
    <div className="bg-critical" role="alert" data-testid="rotation-problems">
      <strong>CRITICAL: {problems.length === 1 ? "1 credential is" : `${problems.length} credentials are`} not rotated since use.</strong>
      <ul>
        {problems.map((problem) => (
          <li key={problem.checkoutId}>
            <Link href={`/breakglass/checkouts/${problem.checkoutId}`}>
              {credentialLabel.get(problem.credentialId) ?? problem.credentialId}
            </Link>
            : {problem.status}
            {problem.attempts > 0 ? `, ${problem.attempts} attempt${problem.attempts === 1 ? "" : "s"}` : ""}
            {problem.error ? ` — ${problem.error}` : ""}
            {problem.nextRotationAt ? ` (next try ${formatDateTime(problem.nextRotationAt)})` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
