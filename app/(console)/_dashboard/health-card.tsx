import type { Health } from "@/lib/health";
import { Badge, type Tone } from "../_components/badges";
import { formatDateTime } from "../_components/format";
import { DetailList } from "../_components/page-header";
import "./dashboard.css";

const STATUS_TONE: Record<Health["status"], Tone> = { ok: "ok", degraded: "warn", down: "danger" };

/** `42 s`, `5 min`, `3 h`, `2 d`: how long ago the worker last beat. */
export function formatAgeSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** The same checks as /api/health: without a live worker no snapshot or ingest runs on schedule. */
export function HealthCard({ health }: { health: Health }) {
  const { database, migrations, worker } = health;
  return (
    <section className="dash-card" aria-labelledby="dash-health">
      <header>
        <h2 id="dash-health">System health</h2>
        <Badge tone={STATUS_TONE[health.status]}>{health.status}</Badge>
      </header>
      <DetailList
        items={[
          [
            "Database",
            database.ok ? (
              <Badge key="db" tone="ok" title={database.latencyMs === null ? undefined : `${database.latencyMs} ms`}>
                reachable
              </Badge>
            ) : (
              <Badge key="db" tone="danger">
                unreachable
              </Badge>
            ),
          ],
          [
            "Migrations",
            migrations.upToDate ? (
              <Badge key="migrations" tone="ok">
                up to date
              </Badge>
            ) : (
              <span key="migrations">
                <Badge tone="danger">{migrations.pending.length ? `${migrations.pending.length} pending` : "unknown"}</Badge>{" "}
                {migrations.pending.length ? (
                  <small className="inv-muted">
                    run <code>vigil migrate</code>
                  </small>
                ) : null}
              </span>
            ),
          ],
          [
            "Worker heartbeat",
            worker.ageSeconds === null ? (
              <span key="worker">
                <Badge tone="danger">none</Badge>{" "}
                <small className="inv-muted">
                  start one with <code>vigil worker</code>
                </small>
              </span>
            ) : (
              <span key="worker" title={formatDateTime(worker.lastBeatAt)}>
                <Badge tone={worker.ok ? "ok" : "warn"}>{worker.ok ? "live" : "stale"}</Badge> {formatAgeSeconds(worker.ageSeconds)} ago
              </span>
            ),
          ],
        ]}
      />
    </section>
  );
}
