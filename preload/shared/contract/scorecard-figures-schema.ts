/**
 * Analytics of scorecards: how soon interviewers submit after the interview ends (Greenhouse's mark
 * of informed decisions is at least 90 % within 24 hours). Pure zod, shared by main and the renderer.
 */
import { z } from 'zod';

/** Greenhouse's benchmark: the share of scorecards submitted within 24 hours that marks informed decisions. */
export const submittedWithinDayBenchmark = 0.9;

const tally = {
  /** Scorecards owed whose 24 hours are over, or that came in sooner: the share's denominator. */
  due: z.number().int(),
  /** Of those, submitted within 24 hours of the interview's scheduled end. */
  withinDay: z.number().int(),
  /** Submitted at all (late ones too). */
  submitted: z.number().int(),
  /** Still inside their 24 hours and not submitted: not counted either way yet. */
  pending: z.number().int(),
  /** Median hours from the end to the first submission (one decimal); null with none submitted. */
  medianHours: z.number().nullable(),
};

/** The period's scorecard figures, and the same per interviewer (by email). */
export const scorecardFiguresSchema = z.object({
  ...tally,
  perInterviewer: z.array(z.object({ name: z.string(), email: z.string(), ...tally })),
});
export type ScorecardFigures = z.infer<typeof scorecardFiguresSchema>;
