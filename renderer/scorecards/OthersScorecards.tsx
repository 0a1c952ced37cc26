import type { Scorecard } from '../../preload/shared/contract/scorecard-schema';
import { criterionRatingWords, recommendationWords } from '../../preload/shared/contract/scorecard-schema';
import { hiddenOthersLine } from '../../preload/shared/rules/scorecard-visibility';
import { formatDateTime } from '../common/format';

/**
 * The other interviewers' scorecards (from the app or their Google Form), or the line saying they wait.
 * `zone` is the interview's: after-interview times are written in it, named.
 */
export function OthersScorecards({ others, hidden, zone }: { others: Scorecard[]; hidden: number; zone: string }) {
  if (hidden > 0)
    return (
      <p className="muted" data-testid="scorecards-hidden">
        {hiddenOthersLine(hidden)}
      </p>
    );
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="others-scorecards-title" data-testid="others-scorecards">
      <h3 id="others-scorecards-title">The panel&apos;s scorecards</h3>
      {others.map((card) => (
        <article key={`${card.source}-${card.author.email}`} className="other-scorecard" aria-label={card.author.name}>
          <h4>
            {card.author.name || card.author.email}
            <span className="muted">
              {' '}
              · {card.source === 'form' ? 'Google Form' : 'Interview Desk'}
              {card.submittedAt ? ` · ${formatDateTime(card.submittedAt, zone)}` : ''}
            </span>
          </h4>
          <p>
            Overall: <strong>{card.answers.overall ? recommendationWords[card.answers.overall] : 'Not given'}</strong>
          </p>
          <dl>
            {card.criteria.map((c) => {
              const answer = card.answers.ratings[c.id];
              return (
                <div key={c.id}>
                  <dt>{c.name}</dt>
                  <dd>
                    {answer?.rating ? criterionRatingWords[answer.rating] : 'Not rated'}
                    {answer?.note ? ` — ${answer.note}` : ''}
                  </dd>
                </div>
              );
            })}
          </dl>
          {card.answers.takeaways && <p className="notes">{card.answers.takeaways}</p>}
        </article>
      ))}
    </section>
  );
}
