/**
 * Google's form responses are input: each is checked against what the Forms reference documents
 * (a response id, RFC 3339 times, answers keyed by question id holding text values) before the app
 * uses it. One that does not fit is counted and left out, never half-read.
 */
import { z } from 'zod';

const rfc3339 = z
  .string()
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
  );

const answerSchema = z.object({
  questionId: z.string().optional(),
  textAnswers: z
    .object({
      answers: z
        .array(z.object({ value: z.string().max(20_000).optional() }))
        .max(50)
        .optional(),
    })
    .optional(),
});

const formResponseSchema = z.object({
  responseId: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
  createTime: rfc3339,
  lastSubmittedTime: rfc3339,
  respondentEmail: z.string().max(254).optional(),
  answers: z.record(z.string().max(100), answerSchema).optional(),
});

/** One response as the app reads it: the text values of each answered question, by question id. */
export interface FormResponse {
  responseId: string;
  createTime: string;
  lastSubmittedTime: string;
  respondentEmail?: string;
  values: Record<string, string[]>;
}

/** Parses a page of responses; malformed entries are counted, not thrown. */
export function parseFormResponses(raw: unknown): { responses: FormResponse[]; malformed: number } {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const responses: FormResponse[] = [];
  let malformed = 0;
  for (const entry of list) {
    const parsed = formResponseSchema.safeParse(entry);
    if (!parsed.success) {
      malformed++;
      continue;
    }
    const values: Record<string, string[]> = {};
    for (const [questionId, answer] of Object.entries(parsed.data.answers ?? {}))
      values[questionId] = (answer.textAnswers?.answers ?? []).map((a) => a.value ?? '').filter((v) => v !== '');
    responses.push({
      responseId: parsed.data.responseId,
      createTime: new Date(parsed.data.createTime).toISOString(),
      lastSubmittedTime: new Date(parsed.data.lastSubmittedTime).toISOString(),
      ...(parsed.data.respondentEmail ? { respondentEmail: parsed.data.respondentEmail } : {}),
      values,
    });
  }
  return { responses, malformed };
}
