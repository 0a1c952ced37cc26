/**
 * The panel's scorecards through Google Forms, as the room shows them: whether Forms is connected,
 * where the interview's form stands, and per co-interviewer whether they were asked, reminded, and
 * whether their response came back. The answers themselves are scorecards (`scorecard-schema.ts`)
 * shown under the scorecard section's who-sees-what rules, never here. Pure zod, no main imports.
 */
import { z } from 'zod';

/** Whether the app may make forms and read their responses: the Forms scope granted, or what stands in the way. */
export const panelFormsConnectionSchema = z.enum(['connected', 'not_connected', 'needs_reconnect', 'no_account']);
export type PanelFormsConnection = z.infer<typeof panelFormsConnectionSchema>;

/**
 * Where the interview's form stands: `not_yet` before the interview ends; `needs_scope` ended, but
 * Forms is not connected; `creating` being made (or to be tried again); `ready` published, its
 * responses read; `failed` Google refused it (the message says why); `gone` deleted in Google Drive.
 */
export const panelFormStateSchema = z.enum(['not_yet', 'needs_scope', 'creating', 'ready', 'failed', 'gone']);
export type PanelFormState = z.infer<typeof panelFormStateSchema>;

/** One co-interviewer: whether they attended, and what the app sent them and got back. */
export const panelPersonSchema = z.object({
  email: z.string(),
  name: z.string(),
  /** From Meet attendance, by display name: `unknown` when it was not read or cannot tell. */
  attended: z.enum(['yes', 'no', 'unknown']),
  /**
   * `waiting` not asked yet; `skipped` did not attend, so not asked; `asked` and `reminded` while no
   * response came; `received` their response is in; `failed` the email did not go (see `problem`).
   */
  status: z.enum(['waiting', 'skipped', 'asked', 'reminded', 'received', 'failed']),
  askedAt: z.string().optional(),
  remindedAt: z.string().optional(),
  reminders: z.number().int().min(0),
  receivedAt: z.string().optional(),
  /** When the next ask or reminder is due, while one is. */
  nextAt: z.string().optional(),
  /** Why the last email did not go, in the room's words. */
  problem: z.string().optional(),
});
export type PanelPerson = z.infer<typeof panelPersonSchema>;

/** The room's view of one interview's panel form. */
export const panelFormViewSchema = z.object({
  interviewId: z.string(),
  /** The recruiter's interview with a panel: the only kind that gets a form. */
  applies: z.boolean(),
  connection: panelFormsConnectionSchema,
  form: z.object({
    state: panelFormStateSchema,
    /** The link the co-interviewers answer at. */
    responderUri: z.string().optional(),
    /** The form in Google Forms, for the recruiter (edit, see responses). */
    editUri: z.string().optional(),
    message: z.string().optional(),
    /** When responses were last read from Google. */
    checkedAt: z.string().optional(),
  }),
  people: z.array(panelPersonSchema),
});
export type PanelFormView = z.infer<typeof panelFormViewSchema>;
