/**
 * Google Forms API v1 as its reference pages describe it: `forms.create` copies only the title (and
 * document title) and refuses items, settings and a description; `forms.batchUpdate` applies every
 * request or none (createItem, updateSettings, updateFormInfo) and answers each createItem with the
 * ids Google assigned; `forms.setPublishSettings` publishes (forms made through the API after
 * June 30, 2026 start unpublished); `forms.responses.list` answers keyed by questionId, filtered by
 * `timestamp > …` / `timestamp >= …`. Errors in the gRPC-transcoded form (`google.rpc.Status`).
 * Tests play the co-interviewers with `respond` and `editResponse`, and delete a form with `deleteForm`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, readJson, rpcError } from './http-helpers';
import type { OAuthEmulator } from './oauth-routes';

type Json = Record<string, unknown>;

const drive = 'https://www.googleapis.com/auth/drive';
const driveFile = 'https://www.googleapis.com/auth/drive.file';
/** Each method's scopes, as listed on its reference page. */
export const formsScopes = {
  write: [drive, driveFile, 'https://www.googleapis.com/auth/forms.body'],
  read: [
    drive,
    driveFile,
    'https://www.googleapis.com/auth/drive.readonly',
    'https://www.googleapis.com/auth/forms.body',
    'https://www.googleapis.com/auth/forms.body.readonly',
  ],
  responses: [drive, driveFile, 'https://www.googleapis.com/auth/forms.responses.readonly'],
} as const;

const service = 'forms.googleapis.com';
const emailCollectionTypes = ['EMAIL_COLLECTION_TYPE_UNSPECIFIED', 'DO_NOT_COLLECT', 'VERIFIED', 'RESPONDER_INPUT'];
const choiceTypes = ['RADIO', 'CHECKBOX', 'DROP_DOWN'];
const zulu = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

interface StoredQuestion {
  questionId: string;
  required?: boolean;
  choiceQuestion?: { type: string; options: Array<{ value: string }> };
  textQuestion?: { paragraph?: boolean };
}

interface StoredItem {
  itemId: string;
  title?: string;
  description?: string;
  questionItem?: { question: StoredQuestion };
  textItem?: Json;
}

/** One stored response; `email` only when the form collects it. */
export interface StoredResponse {
  responseId: string;
  createTime: string;
  lastSubmittedTime: string;
  respondentEmail?: string;
  answers: Record<string, { questionId: string; textAnswers: { answers: Array<{ value: string }> } }>;
}

/** One stored form. `owner` is who created it; `viaApi` tells whether `drive.file` reaches it. */
export interface StoredForm {
  formId: string;
  owner: string;
  viaApi: boolean;
  info: { title: string; documentTitle: string; description?: string };
  settings: { emailCollectionType?: string; quizSettings?: { isQuiz?: boolean } };
  items: StoredItem[];
  publishState: { isPublished: boolean; isAcceptingResponses: boolean };
  revision: number;
  responderKey: string;
  responses: StoredResponse[];
  deleted: boolean;
}

/** What a co-interviewer answers: question title (or questionId) → the answer's text values. */
export type AnswersInput = Record<string, string | string[]>;

const bad = (res: ServerResponse, message: string) => json(res, 400, rpcError(400, message, undefined, service));

/** The emulated Forms API. */
export class FormsEmulator {
  readonly forms = new Map<string, StoredForm>();
  /** Google's default from July 2026: a form made through the API is unpublished until published. */
  createdUnpublishedByDefault = true;
  private nextId = 0x1a2b3c00;

  constructor(private readonly oauth: OAuthEmulator) {}

  /** The forms made so far, in order. */
  all(): StoredForm[] {
    return [...this.forms.values()];
  }

  /** Test API: the form's question id by its item title. */
  questionId(formId: string, title: string): string {
    const item = this.form(formId).items.find((i) => i.title === title && i.questionItem);
    if (!item?.questionItem) throw new Error(`no question "${title}"`);
    return item.questionItem.question.questionId;
  }

  /**
   * Test API: someone submits the form in their browser. Refused as the Forms page would: an
   * unpublished form or one not accepting responses, an option the question does not offer, a
   * required question left out. A verified form records the signed-in address.
   */
  respond(formId: string, email: string, answers: AnswersInput, at = new Date().toISOString()): string {
    const form = this.form(formId);
    if (!form.publishState.isPublished || !form.publishState.isAcceptingResponses)
      throw new Error('This form is not accepting responses.');
    const response: StoredResponse = {
      responseId: `ACYDBN${randomBytes(12).toString('hex')}`,
      createTime: at,
      lastSubmittedTime: at,
      ...(form.settings.emailCollectionType && form.settings.emailCollectionType !== 'DO_NOT_COLLECT'
        ? { respondentEmail: email }
        : {}),
      answers: this.answers(form, answers),
    };
    form.responses.push(response);
    return response.responseId;
  }

  /** Test API: the respondent edits their response (its `lastSubmittedTime` moves, `createTime` stays). */
  editResponse(formId: string, responseId: string, answers: AnswersInput, at = new Date().toISOString()): void {
    const form = this.form(formId);
    const response = form.responses.find((r) => r.responseId === responseId);
    if (!response) throw new Error('no such response');
    response.answers = this.answers(form, answers);
    response.lastSubmittedTime = at;
  }

  /**
   * Test API: the owner changes "Collect email addresses" in the Forms editor. With anything but
   * VERIFIED a respondent types an address (RESPONDER_INPUT) or none is recorded.
   */
  setEmailCollection(formId: string, type: 'DO_NOT_COLLECT' | 'VERIFIED' | 'RESPONDER_INPUT'): void {
    this.form(formId).settings.emailCollectionType = type;
  }

  /** Test API: the owner deletes the form in Drive; every call about it answers 404 from now on. */
  deleteForm(formId: string): void {
    this.form(formId).deleted = true;
  }

  private form(formId: string): StoredForm {
    const form = this.forms.get(formId);
    if (!form) throw new Error(`no form ${formId}`);
    return form;
  }

  private answers(form: StoredForm, input: AnswersInput): StoredResponse['answers'] {
    const out: StoredResponse['answers'] = {};
    const questions = form.items.filter((i) => i.questionItem);
    for (const [key, raw] of Object.entries(input)) {
      const item = questions.find((i) => i.title === key || i.questionItem!.question.questionId === key);
      if (!item) throw new Error(`the form has no question "${key}"`);
      const question = item.questionItem!.question;
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== '');
      if (values.length === 0) continue;
      const offered = question.choiceQuestion?.options.map((o) => o.value);
      if (offered && values.some((v) => !offered.includes(v))) throw new Error(`"${values.join()}" is not an option`);
      out[question.questionId] = {
        questionId: question.questionId,
        textAnswers: { answers: values.map((value) => ({ value })) },
      };
    }
    for (const item of questions) {
      const question = item.questionItem!.question;
      if (question.required && !out[question.questionId]) throw new Error(`"${item.title}" is required`);
    }
    return out;
  }

  private view(form: StoredForm): Json {
    return {
      formId: form.formId,
      info: form.info,
      settings: form.settings,
      items: form.items,
      revisionId: `0000000${form.revision}`,
      responderUri: `https://docs.google.com/forms/d/e/${form.responderKey}/viewform`,
      publishSettings: { publishState: form.publishState },
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (!path.startsWith('/v1/forms')) return false;
    const grant = this.oauth.authenticate(req);
    if (!grant) {
      json(
        res,
        401,
        rpcError(
          401,
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
          'ACCESS_TOKEN_TYPE_UNSUPPORTED',
          service,
        ),
      );
      return true;
    }
    const create = req.method === 'POST' && path === '/v1/forms';
    const one =
      /^\/v1\/forms\/([A-Za-z0-9_-]+)(:batchUpdate|:setPublishSettings|\/responses(?:\/([A-Za-z0-9_-]+))?)?$/.exec(
        path,
      );
    if (!create && !one) return (json(res, 404, rpcError(404, 'Method not found.', undefined, service)), true);
    const action = create ? 'create' : (one![2] ?? 'get');
    const method = action === 'get' || action.startsWith('/responses') ? 'GET' : 'POST';
    if (req.method !== method) return (json(res, 404, rpcError(404, 'Method not found.', undefined, service)), true);
    const needed = action.startsWith('/responses')
      ? formsScopes.responses
      : action === 'get'
        ? formsScopes.read
        : formsScopes.write;
    if (!needed.some((s) => grant.scopes.has(s))) {
      json(
        res,
        403,
        rpcError(403, 'Request had insufficient authentication scopes.', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', service),
      );
      return true;
    }
    if (create) return (await this.create(req, res, url, grant.email), true);
    const form = this.forms.get(one![1]!);
    if (!form || form.deleted)
      return (json(res, 404, rpcError(404, 'Requested entity was not found.', undefined, service)), true);
    // drive.file reaches only files this app created or the user opened with it; other scopes reach what the user can.
    const onlyDriveFile = [...grant.scopes].every(
      (s) => s === driveFile || !(formsScopes.read as readonly string[]).concat(formsScopes.responses).includes(s),
    );
    if (form.owner !== grant.email || (onlyDriveFile && !form.viaApi))
      return (json(res, 403, rpcError(403, 'The caller does not have permission', undefined, service)), true);
    if (action === 'get') return (json(res, 200, this.view(form)), true);
    if (action === ':batchUpdate') return (await this.batchUpdate(req, res, form), true);
    if (action === ':setPublishSettings') return (await this.publish(req, res, form), true);
    if (one![3]) {
      const response = form.responses.find((r) => r.responseId === one![3]);
      if (!response)
        return (json(res, 404, rpcError(404, 'Requested entity was not found.', undefined, service)), true);
      return (json(res, 200, { ...response, formId: form.formId }), true);
    }
    this.list(res, url, form);
    return true;
  }

  private async create(req: IncomingMessage, res: ServerResponse, url: URL, owner: string): Promise<void> {
    const body = await readJson(req);
    if (!body) return bad(res, 'Invalid JSON payload received.');
    const unpublishedParam = url.searchParams.get('unpublished');
    if (unpublishedParam !== null && unpublishedParam !== 'true' && unpublishedParam !== 'false')
      return bad(res, `Invalid value at 'unpublished' (TYPE_BOOL), "${unpublishedParam}"`);
    const extra = Object.keys(body).filter((k) => k !== 'info');
    const info = (body.info ?? {}) as Json;
    const extraInfo = Object.keys(info).filter((k) => k !== 'title' && k !== 'documentTitle');
    // Only info.title and info.documentTitle are copied; items, settings and a description are refused.
    if (extra.length || extraInfo.length)
      return bad(
        res,
        `Only info.title and info.document_title may be set when creating a form; found ${[...extra, ...extraInfo.map((k) => `info.${k}`)].join(', ')}.`,
      );
    if (typeof info.title !== 'string' || info.title.trim() === '') return bad(res, 'info.title is required.');
    if (info.documentTitle !== undefined && typeof info.documentTitle !== 'string')
      return bad(res, 'info.document_title must be a string.');
    const unpublished = unpublishedParam === null ? this.createdUnpublishedByDefault : unpublishedParam === 'true';
    const form: StoredForm = {
      formId: `1FAIpQL${randomBytes(18).toString('base64url')}`,
      owner,
      viaApi: true,
      info: { title: info.title, documentTitle: (info.documentTitle as string | undefined) ?? info.title },
      settings: {},
      items: [],
      publishState: { isPublished: !unpublished, isAcceptingResponses: !unpublished },
      revision: 1,
      responderKey: `1FAIpQLSe${randomBytes(20).toString('base64url')}`,
      responses: [],
      deleted: false,
    };
    this.forms.set(form.formId, form);
    json(res, 200, this.view(form));
  }

  /** Every request of a batch is applied to a copy; the copy replaces the form only when all of them succeed. */
  private async batchUpdate(req: IncomingMessage, res: ServerResponse, form: StoredForm): Promise<void> {
    const body = await readJson(req);
    if (!body) return bad(res, 'Invalid JSON payload received.');
    const requests = body.requests;
    if (!Array.isArray(requests) || requests.length === 0) return bad(res, 'requests must not be empty.');
    const copy: StoredForm = structuredClone(form);
    const replies: Json[] = [];
    for (const [index, raw] of requests.entries()) {
      const request = (raw ?? {}) as Json;
      const kinds = Object.keys(request);
      if (kinds.length !== 1) return bad(res, `requests[${index}]: exactly one kind of request must be set.`);
      const kind = kinds[0]!;
      const error =
        kind === 'createItem'
          ? this.createItem(copy, request.createItem as Json, replies)
          : kind === 'updateSettings'
            ? this.updateSettings(copy, request.updateSettings as Json, replies)
            : kind === 'updateFormInfo'
              ? this.updateFormInfo(copy, request.updateFormInfo as Json, replies)
              : `${kind} is not supported by this emulator.`;
      if (error) return bad(res, `requests[${index}]: ${error}`);
    }
    copy.revision++;
    this.forms.set(form.formId, copy);
    json(res, 200, {
      replies,
      writeControl: { requiredRevisionId: `0000000${copy.revision}` },
      ...(body.includeFormInResponse === true ? { form: this.view(copy) } : {}),
    });
  }

  private createItem(form: StoredForm, request: Json | undefined, replies: Json[]): string | undefined {
    const item = request?.item as Json | undefined;
    const location = request?.location as Json | undefined;
    if (!item) return 'item is required.';
    if (!location || typeof location.index !== 'number' || !Number.isInteger(location.index))
      return 'location.index is required.';
    if (location.index < 0 || location.index > form.items.length)
      return `location.index ${location.index} is out of range [0, ${form.items.length}].`;
    const kinds = ['questionItem', 'textItem', 'questionGroupItem', 'pageBreakItem', 'imageItem', 'videoItem'].filter(
      (k) => item[k] !== undefined,
    );
    if (kinds.length !== 1) return 'exactly one kind of item must be set.';
    if (item.title !== undefined && typeof item.title !== 'string') return 'item.title must be a string.';
    const usedItems = new Set(form.items.map((i) => i.itemId));
    const usedQuestions = new Set(form.items.map((i) => i.questionItem?.question.questionId).filter(Boolean));
    const itemId = typeof item.itemId === 'string' ? item.itemId : this.newId();
    if (usedItems.has(itemId)) return `item id ${itemId} is already used in the form.`;
    const stored: StoredItem = {
      itemId,
      ...(typeof item.title === 'string' ? { title: item.title } : {}),
      ...(typeof item.description === 'string' ? { description: item.description } : {}),
    };
    const questionIds: string[] = [];
    if (kinds[0] === 'questionItem') {
      const question = ((item.questionItem as Json).question ?? undefined) as Json | undefined;
      if (!question) return 'questionItem.question is required.';
      const questionKinds = [
        'choiceQuestion',
        'textQuestion',
        'scaleQuestion',
        'dateQuestion',
        'timeQuestion',
        'ratingQuestion',
      ].filter((k) => question[k] !== undefined);
      if (questionKinds.length !== 1) return 'exactly one kind of question must be set.';
      const questionId = typeof question.questionId === 'string' ? question.questionId : this.newId();
      if (usedQuestions.has(questionId)) return `question id ${questionId} is already used in the form.`;
      const storedQuestion: StoredQuestion = { questionId, ...(question.required === true ? { required: true } : {}) };
      if (question.choiceQuestion) {
        const choice = question.choiceQuestion as Json;
        if (!choiceTypes.includes(String(choice.type)))
          return 'choiceQuestion.type must be RADIO, CHECKBOX or DROP_DOWN.';
        const options = choice.options;
        if (!Array.isArray(options) || options.length === 0) return 'choiceQuestion.options must not be empty.';
        const values = options.map((o) => (o as Json)?.value);
        if (values.some((v) => typeof v !== 'string' || v.trim() === '')) return 'every option needs a value.';
        if (new Set(values).size !== values.length) return 'option values must be unique.';
        storedQuestion.choiceQuestion = {
          type: String(choice.type),
          options: values.map((value) => ({ value: value as string })),
        };
      } else if (question.textQuestion) {
        storedQuestion.textQuestion = { paragraph: (question.textQuestion as Json).paragraph === true };
      } else return `${questionKinds[0]} is not supported by this emulator.`;
      stored.questionItem = { question: storedQuestion };
      questionIds.push(questionId);
    } else if (kinds[0] === 'textItem') stored.textItem = {};
    else return `${kinds[0]} is not supported by this emulator.`;
    form.items.splice(location.index, 0, stored);
    replies.push({ createItem: { itemId, ...(questionIds.length ? { questionId: questionIds } : {}) } });
    return undefined;
  }

  private updateSettings(form: StoredForm, request: Json | undefined, replies: Json[]): string | undefined {
    const mask = typeof request?.updateMask === 'string' ? request.updateMask.split(',').map((m) => m.trim()) : [];
    if (mask.length === 0 || mask.includes('')) return 'updateMask is required: name at least one field.';
    const allowed = ['emailCollectionType', 'quizSettings', 'quizSettings.isQuiz', '*'];
    const unknown = mask.filter((m) => !allowed.includes(m));
    if (unknown.length) return `updateMask names unknown settings: ${unknown.join(', ')}.`;
    const settings = (request?.settings ?? {}) as Json;
    const all = mask.includes('*');
    if (all || mask.includes('emailCollectionType')) {
      const type = settings.emailCollectionType;
      if (type !== undefined && !emailCollectionTypes.includes(String(type)))
        return `Invalid value at 'settings.email_collection_type', "${String(type)}".`;
      if (type === undefined) delete form.settings.emailCollectionType;
      else form.settings.emailCollectionType = String(type);
    }
    if (all || mask.some((m) => m.startsWith('quizSettings'))) {
      const quiz = settings.quizSettings as Json | undefined;
      form.settings.quizSettings = { isQuiz: quiz?.isQuiz === true };
    }
    replies.push({});
    return undefined;
  }

  private updateFormInfo(form: StoredForm, request: Json | undefined, replies: Json[]): string | undefined {
    const mask = typeof request?.updateMask === 'string' ? request.updateMask.split(',').map((m) => m.trim()) : [];
    if (mask.length === 0 || mask.includes('')) return 'updateMask is required: name at least one field.';
    if (mask.includes('documentTitle') || mask.includes('document_title'))
      return 'info.document_title cannot be changed with batchUpdate; use the Drive API.';
    const unknown = mask.filter((m) => !['title', 'description', '*'].includes(m));
    if (unknown.length) return `updateMask names unknown fields: ${unknown.join(', ')}.`;
    const info = (request?.info ?? {}) as Json;
    if (mask.includes('*') || mask.includes('title')) {
      if (typeof info.title !== 'string' || !info.title.trim()) return 'info.title must not be empty.';
      form.info.title = info.title;
    }
    if (mask.includes('*') || mask.includes('description')) {
      if (info.description === undefined) delete form.info.description;
      else if (typeof info.description !== 'string') return 'info.description must be a string.';
      else form.info.description = info.description;
    }
    replies.push({});
    return undefined;
  }

  private async publish(req: IncomingMessage, res: ServerResponse, form: StoredForm): Promise<void> {
    const body = await readJson(req);
    if (!body) return bad(res, 'Invalid JSON payload received.');
    const mask = typeof body.updateMask === 'string' ? body.updateMask : '*';
    if (!['publishState', 'publish_state', '*'].includes(mask))
      return bad(res, `updateMask "${mask}" is not a publish settings field.`);
    const state = ((body.publishSettings as Json | undefined)?.publishState ?? undefined) as Json | undefined;
    if (!state) return bad(res, 'publishSettings.publishState is required.');
    // Both are required when the publish state is updated; accepting responses while unpublished is refused.
    if (typeof state.isPublished !== 'boolean' || typeof state.isAcceptingResponses !== 'boolean')
      return bad(res, 'publish_state.is_published and publish_state.is_accepting_responses must both be set.');
    if (!state.isPublished && state.isAcceptingResponses)
      return bad(res, 'A form that is not published cannot accept responses.');
    form.publishState = { isPublished: state.isPublished, isAcceptingResponses: state.isAcceptingResponses };
    json(res, 200, { formId: form.formId, publishSettings: { publishState: form.publishState } });
  }

  private list(res: ServerResponse, url: URL, form: StoredForm): void {
    const filter = (url.searchParams.get('filter') ?? '').trim();
    let after: { at: number; inclusive: boolean } | undefined;
    if (filter) {
      const match = /^timestamp\s*(>=|>)\s*(\S+)$/.exec(filter);
      if (!match || !zulu.test(match[2]!) || Number.isNaN(Date.parse(match[2]!)))
        return bad(res, `Invalid filter "${filter}": use timestamp > or >= an RFC 3339 UTC "Zulu" time.`);
      after = { at: Date.parse(match[2]!), inclusive: match[1] === '>=' };
    }
    const sizeParam = url.searchParams.get('pageSize');
    const pageSize = sizeParam === null ? 0 : Number(sizeParam);
    if (!Number.isInteger(pageSize) || pageSize < 0) return bad(res, 'pageSize must be a non-negative integer.');
    const size = pageSize === 0 ? 5000 : Math.min(pageSize, 5000);
    const token = url.searchParams.get('pageToken');
    let offset = 0;
    if (token) {
      const decoded = /^(\d+)\|(.*)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
      // A page token is bound to the filter it was made for.
      if (!decoded || decoded[2] !== filter) return bad(res, 'Invalid page token.');
      offset = Number(decoded[1]);
    }
    const matching = form.responses
      .filter((r) => {
        if (!after) return true;
        const at = Date.parse(r.lastSubmittedTime);
        return after.inclusive ? at >= after.at : at > after.at;
      })
      .sort((a, b) => Date.parse(a.lastSubmittedTime) - Date.parse(b.lastSubmittedTime));
    const page = matching.slice(offset, offset + size);
    const next =
      offset + size < matching.length ? Buffer.from(`${offset + size}|${filter}`).toString('base64url') : undefined;
    json(res, 200, { ...(page.length ? { responses: page } : {}), ...(next ? { nextPageToken: next } : {}) });
  }

  private newId(): string {
    return (this.nextId++).toString(16).padStart(8, '0');
  }
}
