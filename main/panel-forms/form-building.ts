/**
 * The panel's Google Form, built from the scorecard template: its title, the requests of the one
 * batchUpdate that gives it questions and settings, and the map from the question ids Google gives
 * back to what each question asks. Pure: no Google, no clock.
 *
 * The form asks what the recruiter's scorecard asks, in the same words: per criterion a rating
 * (the scorecard's scale, "Not assessed" included) and an optional note, then the overall
 * recommendation and the key takeaways. It collects the respondent's verified Google address
 * (`emailCollectionType: VERIFIED`): that is who answered, and a respondent sees only their own answers.
 */
import type { forms_v1 } from 'googleapis';
import type { Criterion } from '../../preload/shared/contract/scorecard-schema';
import { ratingChoices, recommendationChoices } from '../../preload/shared/rules/scorecard-choices';

/** What a question of the form stands for in a scorecard. */
export type QuestionKey = `rating:${string}` | `note:${string}` | 'overall' | 'takeaways';

/** One question the form asks, in order. */
export interface PlannedQuestion {
  key: QuestionKey;
  title: string;
  description?: string;
  choices?: string[];
  required: boolean;
}

/** What the panel form was built from, kept with it: responses are read against these criteria, whatever the template says later. */
export interface FormBlueprint {
  templateName: string;
  criteria: Criterion[];
  /** Google's question id → what it asks. */
  questions: Record<string, QuestionKey>;
}

/** The interview facts a form names. */
export interface FormSubject {
  candidateName: string;
  jobTitle: string;
  recruiterName: string;
  /** The interview's day, written for the reader ("7 December 2026"). */
  day: string;
}

/** The title every co-interviewer sees: the same words as the email's subject. */
export function formTitle(subject: Pick<FormSubject, 'candidateName' | 'jobTitle'>): string {
  return `Your scorecard: ${subject.candidateName}, ${subject.jobTitle}`;
}

/** The file's name in the recruiter's Google Drive. */
export function formDocumentTitle(subject: FormSubject): string {
  return `Interview Desk scorecard – ${subject.candidateName}, ${subject.jobTitle} (${subject.day})`;
}

/** The questions, in order: each criterion's rating and note, then the recommendation and the takeaways. */
export function plannedQuestions(criteria: Criterion[]): PlannedQuestion[] {
  const out: PlannedQuestion[] = [];
  for (const c of criteria) {
    out.push({
      key: `rating:${c.id}`,
      title: c.name,
      ...(c.guidance ? { description: c.guidance } : {}),
      choices: ratingChoices.map((c) => c.label),
      required: true,
    });
    out.push({ key: `note:${c.id}`, title: `${c.name}: note`, required: false });
  }
  out.push({
    key: 'overall',
    title: 'Overall recommendation',
    choices: recommendationChoices.map((c) => c.label),
    required: true,
  });
  out.push({ key: 'takeaways', title: 'Key takeaways', required: false });
  return out;
}

/** The form's description: what it is for and who reads it. */
export function formDescription(subject: FormSubject): string {
  return (
    `Your scorecard for the interview with ${subject.candidateName} (${subject.jobTitle}) on ${subject.day}. ` +
    `Google records your email address with your response so ${subject.recruiterName} knows it is yours; ` +
    `only ${subject.recruiterName} sees the panel's answers, and each of you sees only your own.`
  );
}

/** The one batchUpdate that turns the empty form into the scorecard: description, verified email, questions. */
export function buildRequests(subject: FormSubject, questions: PlannedQuestion[]): forms_v1.Schema$Request[] {
  return [
    { updateFormInfo: { info: { description: formDescription(subject) }, updateMask: 'description' } },
    { updateSettings: { settings: { emailCollectionType: 'VERIFIED' }, updateMask: 'emailCollectionType' } },
    ...questions.map((q, index): forms_v1.Schema$Request => ({
      createItem: {
        item: {
          title: q.title,
          ...(q.description ? { description: q.description } : {}),
          questionItem: {
            question: {
              required: q.required,
              ...(q.choices
                ? { choiceQuestion: { type: 'RADIO', options: q.choices.map((value) => ({ value })) } }
                : { textQuestion: { paragraph: true } }),
            },
          },
        },
        location: { index },
      },
    })),
  ];
}

/**
 * The question ids Google gave, matched to the planned questions by position and title (the form was
 * empty when they were added). Undefined when the form holds something else: it was changed by hand.
 */
export function questionMap(
  planned: PlannedQuestion[],
  items: Array<{ title: string; questionId?: string }>,
): Record<string, QuestionKey> | undefined {
  if (items.length !== planned.length) return undefined;
  const entries: Array<[string, QuestionKey]> = [];
  for (const [index, q] of planned.entries()) {
    const item = items[index]!;
    if (item.title !== q.title || !item.questionId) return undefined;
    entries.push([item.questionId, q.key]);
  }
  // fromEntries defines own properties: an id such as `__proto__` from Google stays a key, not the prototype.
  return Object.fromEntries(entries);
}
