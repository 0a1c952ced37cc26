/**
 * Scorecards: the template a team rates against, and one interviewer's scorecard for one interview,
 * whether written in the app (the recruiter) or read back from a Google Form (a co-interviewer).
 * Pure zod, shared by main (validation, storage) and the renderer (forms, debrief).
 */
import { z } from 'zod';
import { freeText, lineText } from './interview-schema';

/** A criterion's rating; `not_assessed` when the interview did not cover it. Worst to best, then none. */
export const criterionRatings = ['strong_no', 'no', 'yes', 'strong_yes', 'not_assessed'] as const;
export const criterionRatingSchema = z.enum(criterionRatings);
export type CriterionRating = z.infer<typeof criterionRatingSchema>;

/** The overall recommendation (the ATS scale); `no_decision` when the interviewer will not say. */
export const recommendations = ['definitely_not', 'no', 'yes', 'strong_yes', 'no_decision'] as const;
export const recommendationSchema = z.enum(recommendations);
export type Recommendation = z.infer<typeof recommendationSchema>;

/** The words every screen, form and debrief uses for the two scales. */
export const criterionRatingWords: Record<CriterionRating, string> = {
  strong_no: 'Strong no',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
  not_assessed: 'Not assessed',
};
export const recommendationWords: Record<Recommendation, string> = {
  definitely_not: 'Definitely not',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
  no_decision: 'No decision',
};

const criterionId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Not a criterion');

/** One thing the interview assesses, and what good looks like. */
export const criterionSchema = z.object({
  id: criterionId,
  name: lineText('Criterion name', 80),
  guidance: freeText('What good looks like', 500),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** A scorecard template: the default one (no job title) or one for a job title. */
export const scorecardTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Not a template'),
    name: lineText('Template name', 80),
    /** Absent: the default template, used for every job title without its own. */
    jobTitle: lineText('Job title', 120).optional(),
    criteria: z.array(criterionSchema).min(1, 'Add at least one criterion').max(20, 'At most 20 criteria'),
  })
  .refine((t) => new Set(t.criteria.map((c) => c.id)).size === t.criteria.length, {
    message: 'Two criteria have the same id',
    path: ['criteria'],
  });
export type ScorecardTemplate = z.infer<typeof scorecardTemplateSchema>;

/** What an interviewer wrote: a rating and note per criterion, the recommendation, key takeaways. */
export const scorecardAnswersSchema = z.object({
  ratings: z.record(criterionId, z.object({ rating: criterionRatingSchema.optional(), note: freeText('Note', 2000) })),
  overall: recommendationSchema.optional(),
  takeaways: freeText('Key takeaways', 4000),
});
export type ScorecardAnswers = z.infer<typeof scorecardAnswersSchema>;

/** Who wrote a scorecard: the recruiter in the app, or a co-interviewer through the panel's Google Form. */
export const scorecardAuthorSchema = z.object({
  kind: z.enum(['recruiter', 'panelist']),
  name: z.string(),
  email: z.string(),
});
export type ScorecardAuthor = z.infer<typeof scorecardAuthorSchema>;

/** One interviewer's scorecard for one interview, with the template's criteria as they were when written. */
export const scorecardSchema = z.object({
  interviewId: z.string(),
  author: scorecardAuthorSchema,
  source: z.enum(['app', 'form']),
  templateName: z.string(),
  criteria: z.array(criterionSchema),
  answers: scorecardAnswersSchema,
  state: z.enum(['draft', 'submitted']),
  /** The first submission: what "submitted within 24 hours" counts. */
  submittedAt: z.string().optional(),
  /** Set when a submitted scorecard was changed afterwards. */
  editedAt: z.string().optional(),
  updatedAt: z.string(),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

/** The recruiter's answers sent from the room: a draft to keep, or a scorecard to submit. */
export const scorecardInputSchema = z.object({
  interviewId: z.uuid({ error: 'Not a valid interview id' }),
  answers: scorecardAnswersSchema,
});
export type ScorecardInput = z.infer<typeof scorecardInputSchema>;

/**
 * The room's scorecards: the recruiter's own (absent until a first draft is saved), the template a new
 * one uses, and the others' — sent only while visible; `hiddenOthers` counts those main holds back.
 */
export const scorecardViewSchema = z.object({
  interviewId: z.string(),
  /** The interview has started and is not cancelled: the recruiter may write. */
  open: z.boolean(),
  template: scorecardTemplateSchema,
  own: scorecardSchema.optional(),
  others: z.array(scorecardSchema),
  hiddenOthers: z.number().int().min(0),
});
export type ScorecardView = z.infer<typeof scorecardViewSchema>;

/** A "Scorecard due" notice as the renderer shows it (web mode's browser notification). */
export const scorecardDueSchema = z.object({
  interviewId: z.string(),
  candidateName: z.string(),
  jobTitle: z.string(),
  /** The interview's scheduled end: the notice words how long ago it was. */
  endUtc: z.string(),
});
export type ScorecardDue = z.infer<typeof scorecardDueSchema>;
