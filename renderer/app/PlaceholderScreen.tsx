/** A screen whose capability has not landed yet says so plainly instead of pretending. */
export function PlaceholderScreen({ title }: { title: string }) {
  return (
    <section aria-labelledby="placeholder-title" className="panel">
      <h1 id="placeholder-title">{title}</h1>
      <p>This part of Interview Desk is not available in this version yet.</p>
    </section>
  );
}
