/**
 * One co-interviewer's form response as a scorecard: the rating words back to the scale, notes and
 * takeaways through the scorecard's own text rules. Pure. A value the form did not offer (the form
 * edited by hand) is left out and named; text the scorecard rules refuse makes the response unreadable.
 */
import {
  criterionRatings,
  criterionRatingWords,
  recommendations,
  recommendationWords,
  scorecardAnswersSchema,
  type CriterionRating,
  type Recommendation,
  type Scorecard,
  type ScorecardAnswers,
} from '../../preload/shared/contract/scorecard-schema';
import type { FormBlueprint } from './form-building';
import type { FormResponse } from './form-responses';

const ratingByWords = new Map<string, CriterionRating>(criterionRatings.map((r) => [criterionRatingWords[r], r]));
const recommendationByWords = new Map<string, Recommendation>(recommendations.map((r) => [recommendationWords[r], r]));

/** Who answered, as the panel names them. */
export interface ResponseAuthor {
  email: string;
  name: string;
}

/** The outcome: a scorecard, or why the response cannot be one. */
export type ResponseReading = { ok: true; scorecard: Scorecard; ignored: string[] } | { ok: false; reason: string };

/**
 * Reads one response against the blueprint the form was built from. `previous` is this person's
 * stored scorecard: a response changed since keeps its first submission and is marked edited.
 */
export function scorecardFromResponse(input: {
  interviewId: string;
  response: FormResponse;
  blueprint: FormBlueprint;
  author: ResponseAuthor;
  previous?: Scorecard;
}): ResponseReading {
  const { response, blueprint } = input;
  const ratings: ScorecardAnswers['ratings'] = {};
  for (const c of blueprint.criteria) ratings[c.id] = { note: '' };
  let overall: Recommendation | undefined;
  let takeaways = '';
  const ignored: string[] = [];
  for (const [questionId, values] of Object.entries(response.values)) {
    // Question ids come from Google: a plain lookup would find `constructor` or `__proto__` on the prototype.
    const key = Object.hasOwn(blueprint.questions, questionId) ? blueprint.questions[questionId] : undefined;
    const value = values.join('\n');
    if (typeof key !== 'string' || !value) continue;
    if (key === 'overall') {
      overall = recommendationByWords.get(value);
      if (!overall) ignored.push('Overall recommendation');
    } else if (key === 'takeaways') takeaways = value;
    else {
      const [kind, id] = key.split(':') as ['rating' | 'note', string];
      const entry = Object.hasOwn(ratings, id) ? ratings[id] : undefined;
      if (!entry) continue;
      if (kind === 'note') entry.note = value;
      else {
        const rating = ratingByWords.get(value);
        if (rating) entry.rating = rating;
        else ignored.push(blueprint.criteria.find((c) => c.id === id)?.name ?? id);
      }
    }
  }
  const answers = scorecardAnswersSchema.safeParse({ ratings, ...(overall ? { overall } : {}), takeaways });
  if (!answers.success)
    return { ok: false, reason: answers.error.issues[0]?.message ?? 'The response does not fit a scorecard.' };
  const submittedAt = input.previous?.submittedAt ?? response.createTime;
  const changed =
    input.previous !== undefined && JSON.stringify(input.previous.answers) !== JSON.stringify(answers.data);
  return {
    ok: true,
    ignored,
    scorecard: {
      interviewId: input.interviewId,
      author: { kind: 'panelist', name: input.author.name, email: input.author.email.toLowerCase() },
      source: 'form',
      templateName: blueprint.templateName,
      criteria: blueprint.criteria,
      answers: answers.data,
      state: 'submitted',
      submittedAt,
      ...(changed
        ? { editedAt: response.lastSubmittedTime }
        : input.previous?.editedAt
          ? { editedAt: input.previous.editedAt }
          : {}),
      updatedAt: response.lastSubmittedTime,
    },
  };
}
