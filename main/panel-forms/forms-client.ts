/**
 * The Google Forms API v1 calls the panel's scorecards need: create a form (title only: Google
 * refuses anything else), add its questions and settings in one batchUpdate, read it back, publish
 * it, and list its responses. Each call goes through the one Google retry policy; a create or a
 * batchUpdate is never retried blindly (a second one would make a second form or second questions).
 * Failures come out as a GoogleRequestError the service can explain.
 */
import { google, type forms_v1 } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';
import { googleDefaults } from '../config/env-config';
import { isGoogleFormUrl } from '../security/url-policy';
import { withGoogleRetry, type RetryOptions } from '../google/api/retry-policy';
import { GoogleRequestError, toGoogleRequestError } from '../google/api/google-request-error';
import { parseFormResponses, type FormResponse } from './form-responses';

/**
 * The one scope panel forms ask for, incrementally: `drive.file` reaches only the files this app
 * created, and it is listed on every method used here (create, batchUpdate, get, setPublishSettings,
 * responses.list). `forms.body` with `forms.responses.readonly` would reach all of the person's forms.
 */
export const formsScope = 'https://www.googleapis.com/auth/drive.file';

/** A form as the app keeps track of it. */
export interface CreatedForm {
  formId: string;
  responderUri: string;
}

/** An item of a form read back: its title and, for a question, its id. */
export interface FormItem {
  title: string;
  questionId?: string;
}

/** The Forms calls. */
export interface FormsClient {
  /** Creates an empty, unpublished form: nobody can answer until it is built and published. */
  create(title: string, documentTitle: string): Promise<CreatedForm>;
  /** Applies the requests, all or none (Google's rule for a batch). */
  batchUpdate(formId: string, requests: forms_v1.Schema$Request[]): Promise<void>;
  /** The form's items in order (to learn the question ids Google gave). */
  items(formId: string): Promise<FormItem[]>;
  /** Whether the form still records each respondent's verified Google address (`settings.emailCollectionType`). */
  collectsVerifiedEmail(formId: string): Promise<boolean>;
  /** Publishes the form and opens it to responses. */
  publish(formId: string): Promise<void>;
  /** Every response submitted (or edited) after `after` (an RFC 3339 "Zulu" time), all pages; malformed ones counted apart. */
  responses(formId: string, after?: string): Promise<{ responses: FormResponse[]; malformed: number }>;
}

export interface FormsClientOptions {
  auth: OAuth2Client | (() => Promise<OAuth2Client>);
  /** `config.google.formsApiUrl`; Google's own root when absent. */
  rootUrl?: string;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs?: number;
  /** A bound on response pages, so a misbehaving server cannot keep the app looping. */
  maxPages?: number;
}

/** Creates the client. */
export function createFormsClient(options: FormsClientOptions): FormsClient {
  const rootUrl = options.rootUrl ?? googleDefaults.formsApiUrl;
  const requestOptions = { retry: false, timeout: options.requestTimeoutMs ?? 20_000 } as const;
  const api = async (): Promise<forms_v1.Forms> =>
    google.forms({
      version: 'v1',
      auth: typeof options.auth === 'function' ? await options.auth() : options.auth,
      rootUrl,
    });
  const run = async <T>(call: (forms: forms_v1.Forms) => Promise<T>, idempotent = true): Promise<T> => {
    try {
      const forms = await api();
      return await withGoogleRetry(() => call(forms), { ...options.retry, idempotent });
    } catch (error) {
      throw toGoogleRequestError(error);
    }
  };
  const malformed = (what: string) =>
    new GoogleRequestError('invalid_request', `Google Forms answered ${what} without what it documents.`, 200, 1);

  return {
    async create(title, documentTitle) {
      const res = await run(
        (forms) =>
          forms.forms.create({ unpublished: true, requestBody: { info: { title, documentTitle } } }, requestOptions),
        false,
      );
      const { formId, responderUri } = res.data;
      // Google's answer is input: the id goes into links, the link to every co-interviewer.
      if (!formId || !/^[A-Za-z0-9_-]{10,200}$/.test(formId) || !isGoogleFormUrl(responderUri))
        throw malformed('the new form');
      return { formId, responderUri };
    },
    async batchUpdate(formId, requests) {
      await run((forms) => forms.forms.batchUpdate({ formId, requestBody: { requests } }, requestOptions), false);
    },
    async items(formId) {
      const res = await run((forms) => forms.forms.get({ formId }, requestOptions));
      return (res.data.items ?? []).map((item) => ({
        title: item.title ?? '',
        ...(item.questionItem?.question?.questionId ? { questionId: item.questionItem.question.questionId } : {}),
      }));
    },
    async collectsVerifiedEmail(formId) {
      const res = await run((forms) => forms.forms.get({ formId }, requestOptions));
      // Anything but VERIFIED (absent included) lets a respondent give any address.
      return res.data.settings?.emailCollectionType === 'VERIFIED';
    },
    async publish(formId) {
      await run((forms) =>
        forms.forms.setPublishSettings(
          {
            formId,
            requestBody: {
              publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } },
              updateMask: 'publishState',
            },
          },
          requestOptions,
        ),
      );
    },
    async responses(formId, after) {
      const all: FormResponse[] = [];
      let bad = 0;
      const tokens = new Set<string>();
      let pageToken: string | undefined;
      for (let page = 0; page < (options.maxPages ?? 20); page++) {
        const res = await run((forms) =>
          forms.forms.responses.list(
            { formId, ...(after ? { filter: `timestamp > ${after}` } : {}), ...(pageToken ? { pageToken } : {}) },
            requestOptions,
          ),
        );
        const parsed = parseFormResponses(res.data.responses);
        all.push(...parsed.responses);
        bad += parsed.malformed;
        const next = res.data.nextPageToken;
        // A token seen before would loop for ever: the walk ends there.
        if (!next || tokens.has(next)) break;
        tokens.add(next);
        pageToken = next;
      }
      return { responses: all, malformed: bad };
    },
  };
}
