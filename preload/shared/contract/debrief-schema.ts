/**
 * The debrief: what each interviewer said about one interview, or about every interview with one
 * candidate. People decide; nothing here is a verdict the app computed. Pure zod, no main imports.
 */
import { z } from 'zod';
import { criterionRatingSchema, recommendationSchema } from './scorecard-schema';
import { panelFormsConnectionSchema, panelPersonSchema } from './panel-forms-schema';
import { artifactsViewSchema } from './transcript-schema';

/** One interviewer of the interview and where their scorecard stands. */
export const debriefInterviewerSchema = z.object({
  name: z.string(),
  email: z.string(),
  /** The recruiter is the person using this app; panelists answer through the panel's form or not at all. */
  kind: z.enum(['recruiter', 'panelist']),
  /** `hidden`: submitted, but not shown until the recruiter submits theirs (Settings). */
  state: z.enum(['submitted', 'draft', 'missing', 'hidden']),
  source: z.enum(['app', 'form']).optional(),
  overall: recommendationSchema.optional(),
  takeaways: z.string().optional(),
  submittedAt: z.string().optional(),
  editedAt: z.string().optional(),
  /** A co-interviewer's scorecard request as the room's panel section knows it (asked, reminded, not asked). */
  request: panelPersonSchema.optional(),
});
export type DebriefInterviewer = z.infer<typeof debriefInterviewerSchema>;

/** One criterion as a row of the criteria × interviewer table: a cell per interviewer, in their order. */
export const debriefCriterionSchema = z.object({
  id: z.string(),
  name: z.string(),
  cells: z.array(
    z.object({
      /** Absent when that interviewer's scorecard has no such criterion (another template) or is not shown. */
      rating: criterionRatingSchema.optional(),
      note: z.string().optional(),
    }),
  ),
});
export type DebriefCriterion = z.infer<typeof debriefCriterionSchema>;

/** A link to something Google keeps in the organizer's Drive (opened in the browser). */
export const debriefLinkSchema = z.object({
  kind: z.enum(['transcript', 'recording', 'smart_notes']),
  label: z.string(),
  url: z.string(),
});

/** One interview's debrief. */
export const debriefInterviewSchema = z.object({
  interviewId: z.string(),
  candidate: z.object({ name: z.string(), email: z.string() }),
  jobTitle: z.string(),
  startUtc: z.string(),
  endUtc: z.string(),
  timeZone: z.string(),
  cancelled: z.boolean(),
  /** Recruiter first, then the panel in its order. */
  interviewers: z.array(debriefInterviewerSchema),
  criteria: z.array(debriefCriterionSchema),
  /** Set while others' scorecards are held back: how many, in the screen's words. */
  hiddenNote: z.string().optional(),
  /** Who attended, in words (from Google Meet, or why it is not known). */
  attendance: z.array(z.string()),
  links: z.array(debriefLinkSchema),
  /** Whether Google Forms may ask the panel (the room's panel section), when the interview has a panel. */
  formsConnection: panelFormsConnectionSchema.optional(),
  /** Where reading Meet's artifacts stands, as the room says it (its transcript lines left out: they stay in the room). */
  meet: artifactsViewSchema.optional(),
  /** Transcript lines stored on this computer (their text stays in the room). */
  transcriptEntries: z.number().int(),
});
export type DebriefInterview = z.infer<typeof debriefInterviewSchema>;

/** The debrief of one interview, or of every interview with its candidate, with the text "Copy as text" copies. */
export const debriefSchema = z.object({
  scope: z.enum(['interview', 'candidate']),
  candidate: z.object({ name: z.string(), email: z.string() }),
  /** Oldest first. */
  interviews: z.array(debriefInterviewSchema),
  text: z.string(),
});
export type Debrief = z.infer<typeof debriefSchema>;

/** Which debrief: one interview's, or (`candidate`) every interview with that interview's candidate. */
export const debriefQuerySchema = z.object({
  id: z.uuid({ error: 'Not a valid interview id' }),
  scope: z.enum(['interview', 'candidate']).default('interview'),
});
export type DebriefQuery = z.infer<typeof debriefQuerySchema>;

/** Where "Save as PDF" put the file; `saved: false` when the person closed the dialog. */
export const savedPdfSchema = z.object({ saved: z.boolean(), path: z.string().optional() });
export type SavedPdf = z.infer<typeof savedPdfSchema>;
