import {
  submittedWithinDayBenchmark,
  type ScorecardFigures as Figures,
} from '../../preload/shared/contract/scorecard-figures-schema';

/** "83 % (10 of 12)", or a dash when nothing is owed yet. */
function share(withinDay: number, due: number): string {
  return due === 0 ? '—' : `${Math.round((withinDay / due) * 100)} % (${withinDay} of ${due})`;
}
const hours = (n: number | null) => (n === null ? '—' : n < 1 ? `${Math.round(n * 60)} min` : `${n} h`);

/**
 * How soon scorecards came in after the interviews ended, for the period and per interviewer, beside
 * Greenhouse's benchmark. Counts only; who to hire is not the app's to say.
 */
export function ScorecardFigures({ figures }: { figures: Figures }) {
  const meets = figures.due > 0 && figures.withinDay / figures.due >= submittedWithinDayBenchmark;
  return (
    <section className="panel" aria-labelledby="scorecard-figures-title">
      <h2 id="scorecard-figures-title">Scorecards</h2>
      <dl className="figures">
        <div className="figure panel">
          <dt>Submitted within 24 hours</dt>
          <dd data-testid="scorecards-within-day">{share(figures.withinDay, figures.due)}</dd>
        </div>
        <div className="figure panel">
          <dt>Median time to submit</dt>
          <dd data-testid="scorecards-median">{hours(figures.medianHours)}</dd>
        </div>
        <div className="figure panel">
          <dt>Still inside their 24 hours</dt>
          <dd data-testid="scorecards-pending">{figures.pending}</dd>
        </div>
      </dl>
      <p className="muted" data-testid="scorecards-benchmark">
        {figures.due === 0
          ? figures.pending > 0
            ? 'Every scorecard owed is still inside its 24 hours: the share counts them once they are in or their time is up.'
            : 'No scorecard was owed for an interview that ended in this period.'
          : meets
            ? 'At or above Greenhouse’s benchmark for informed decisions: 90 % within 24 hours of the end.'
            : 'Below Greenhouse’s benchmark for informed decisions: 90 % within 24 hours of the end.'}{' '}
        Each interviewer of an ended interview owes one (unless Google Meet says they did not join): you in the app,
        your panel through its form.
      </p>
      {figures.perInterviewer.length > 0 && (
        <table className="table" data-testid="scorecards-per-interviewer">
          <caption className="sr-only">Scorecards per interviewer</caption>
          <thead>
            <tr>
              <th scope="col">Interviewer</th>
              <th scope="col">Within 24 hours</th>
              <th scope="col">Submitted</th>
              <th scope="col">Median time to submit</th>
            </tr>
          </thead>
          <tbody>
            {figures.perInterviewer.map((p) => (
              <tr key={p.email}>
                <th scope="row">{p.name}</th>
                <td>{share(p.withinDay, p.due)}</td>
                <td>
                  {p.submitted} of {p.due + p.pending}
                </td>
                <td>{hours(p.medianHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
