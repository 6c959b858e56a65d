/** decided / total as a bar with the figures beside it (a <progress> reads out as a percentage). */
export function ProgressBar({ decided, total, label }: { decided: number; total: number; label: string }) {
  return (
    <span className="review-progress">
      <progress value={decided} max={Math.max(total, 1)} aria-label={label} />
      <span>
        {decided} / {total}
      </span>
    </span>
  );
}
