import "./dashboard.css";

/** A section whose data could not be read: its title and why, so the rest of the page still stands. */
export function SectionError({ id, title, error }: { id: string; title: string; error: string }) {
  return (
    <section className="dash-card" aria-labelledby={`dash-${id}`} data-testid={`dashboard-${id}`}>
      <header>
        <h2 id={`dash-${id}`}>{title}</h2>
      </header>
      <p className="error" role="alert">
        This section could not be loaded: {error}
      </p>
    </section>
  );
}
