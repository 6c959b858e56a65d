import Link from "next/link";
import { EmptyState } from "./_components/empty-state";
import { PageHeader } from "./_components/page-header";

/**
 * What a console page shows (HTTP 404, inside the console's layout and nav) when its id names
 * nothing: `/snapshots/999`, `/findings/999999`, `/accounts/000000000000`.
 */
export default function ConsoleNotFound() {
  return (
    <>
      <PageHeader title="Not found" />
      <EmptyState
        reason="Nothing with this id exists in Vigil: it may have been mistyped, or the snapshot, finding or account it named is gone."
        action={
          <>
            Try the search box above, or go back to the <Link href="/">dashboard</Link>.
          </>
        }
      />
    </>
  );
}
