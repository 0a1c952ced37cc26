import { beforeEach, describe, expect, it } from 'vitest';
import { emulatorForFile } from '../../support/emulator-for-file';

const driveFile = 'https://www.googleapis.com/auth/drive.file';
const responsesOnly = 'https://www.googleapis.com/auth/forms.responses.readonly';
const calendarEvents = 'https://www.googleapis.com/auth/calendar.events';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The emulator's Forms API v1 refuses what Google's reference pages say it refuses, in Google's error shape. */
describe('Google emulator: Forms API v1', () => {
  const { g, token, request } = emulatorForFile();
  beforeEach(() => {
    g.faults.clear();
    g.forms.createdUnpublishedByDefault = true;
  });
  const call = (method: string, path: string, access: string, body?: unknown) =>
    request<Body>(method, path, access, body);
  const create = (access: string, body: unknown = { info: { title: 'Scorecard' } }, query = '') =>
    call('POST', `/v1/forms${query}`, access, body);
  const radio = (title: string, index: number, options = ['Yes', 'No']) => ({
    createItem: {
      item: {
        title,
        questionItem: {
          question: { required: true, choiceQuestion: { type: 'RADIO', options: options.map((value) => ({ value })) } },
        },
      },
      location: { index },
    },
  });

  it('creates a form from its title only, unpublished by default since July 2026', async () => {
    const access = token(driveFile);
    const made = await create(access, { info: { title: 'Scorecard', documentTitle: 'Ada scorecard' } });
    expect(made.status).toBe(200);
    expect(made.body.info).toEqual({ title: 'Scorecard', documentTitle: 'Ada scorecard' });
    expect(made.body.responderUri).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/);
    expect(made.body.publishSettings.publishState).toEqual({ isPublished: false, isAcceptingResponses: false });
    expect(() => g.forms.respond(made.body.formId, 'bob@example.com', {})).toThrow(/not accepting/);
    // Before the change (or asked for explicitly) the form is published.
    expect((await create(access, undefined, '?unpublished=false')).body.publishSettings.publishState.isPublished).toBe(
      true,
    );
    g.forms.createdUnpublishedByDefault = false;
    expect((await create(access)).body.publishSettings.publishState.isPublished).toBe(true);
  });

  it('refuses items, settings and a description on create, and a missing title', async () => {
    const access = token(driveFile);
    for (const body of [
      { info: { title: 'x' }, items: [] },
      { info: { title: 'x' }, settings: { emailCollectionType: 'VERIFIED' } },
      { info: { title: 'x', description: 'd' } },
      { info: {} },
      { info: { title: '  ' } },
    ]) {
      const res = await create(access, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
      expect(res.body.error.errors).toBeUndefined();
    }
    expect((await create(access, { info: { title: 'x' } }, '?unpublished=maybe')).status).toBe(400);
  });

  it('asks for a Forms scope: another scope is 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT, no token is 401', async () => {
    const denied = await create(token(calendarEvents));
    expect(denied.status).toBe(403);
    expect(denied.body.error.details[0]).toMatchObject({
      reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
      metadata: { service: 'forms.googleapis.com' },
    });
    expect((await create('nope')).status).toBe(401);
    // forms.responses.readonly reads responses but cannot create.
    expect((await create(token(responsesOnly))).status).toBe(403);
  });

  it('applies a batch all or nothing and answers each createItem with the ids Google gave', async () => {
    const access = token(driveFile);
    const { formId } = (await create(access)).body;
    const failed = await call('POST', `/v1/forms/${formId}:batchUpdate`, access, {
      requests: [radio('First', 0), radio('Out of range', 5)],
    });
    expect(failed.status).toBe(400);
    expect(failed.body.error.message).toMatch(/requests\[1\].*out of range/);
    expect(g.forms.forms.get(formId)!.items).toHaveLength(0);

    const done = await call('POST', `/v1/forms/${formId}:batchUpdate`, access, {
      includeFormInResponse: true,
      requests: [
        { updateSettings: { settings: { emailCollectionType: 'VERIFIED' }, updateMask: 'emailCollectionType' } },
        { updateFormInfo: { info: { description: 'Only the recruiter reads this.' }, updateMask: 'description' } },
        radio('First', 0),
        {
          createItem: {
            item: { title: 'Notes', questionItem: { question: { textQuestion: { paragraph: true } } } },
            location: { index: 1 },
          },
        },
      ],
    });
    expect(done.status).toBe(200);
    expect(done.body.replies[0]).toEqual({});
    expect(done.body.replies[2].createItem.questionId[0]).toMatch(/^[0-9a-f]{8}$/);
    expect(done.body.form.items.map((i: Body) => i.title)).toEqual(['First', 'Notes']);
    expect(done.body.form.settings.emailCollectionType).toBe('VERIFIED');
    expect(done.body.form.info.description).toBe('Only the recruiter reads this.');
  });

  it('refuses a settings update without a mask, an unknown collection type, a duplicate option or id, and documentTitle', async () => {
    const access = token(driveFile);
    const { formId } = (await create(access)).body;
    const batch = (request: unknown) =>
      call('POST', `/v1/forms/${formId}:batchUpdate`, access, { requests: [request] });
    for (const request of [
      { updateSettings: { settings: { emailCollectionType: 'VERIFIED' } } },
      { updateSettings: { settings: { emailCollectionType: 'SOMETIMES' }, updateMask: 'emailCollectionType' } },
      radio('Twice', 0, ['Yes', 'Yes']),
      { updateFormInfo: { info: { documentTitle: 'x' }, updateMask: 'documentTitle' } },
      { createItem: { item: { title: 'x' }, location: { index: 0 } } },
      {},
    ])
      expect((await batch(request)).status, JSON.stringify(request)).toBe(400);
    const first = await call('POST', `/v1/forms/${formId}:batchUpdate`, access, { requests: [radio('A', 0)] });
    const questionId = first.body.replies[0].createItem.questionId[0];
    const again = {
      createItem: {
        item: { title: 'B', questionItem: { question: { questionId, textQuestion: {} } } },
        location: { index: 1 },
      },
    };
    expect((await batch(again)).body.error.message).toMatch(/already used/);
  });

  it('publishes only with both publish flags, and never accepting while unpublished', async () => {
    const access = token(driveFile);
    const { formId } = (await create(access)).body;
    const publish = (body: unknown) => call('POST', `/v1/forms/${formId}:setPublishSettings`, access, body);
    expect((await publish({ publishSettings: { publishState: { isPublished: true } } })).status).toBe(400);
    expect(
      (await publish({ publishSettings: { publishState: { isPublished: false, isAcceptingResponses: true } } })).status,
    ).toBe(400);
    expect((await publish({ publishSettings: {}, updateMask: 'publishState' })).status).toBe(400);
    const ok = await publish({
      publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } },
      updateMask: 'publishState',
    });
    expect(ok.body).toEqual({
      formId,
      publishSettings: { publishState: { isPublished: true, isAcceptingResponses: true } },
    });
  });

  it('lists responses keyed by questionId with the verified email, filtered by timestamp and paged', async () => {
    const access = token(driveFile);
    const { formId } = (await create(access, undefined, '?unpublished=false')).body;
    await call('POST', `/v1/forms/${formId}:batchUpdate`, access, {
      requests: [
        { updateSettings: { settings: { emailCollectionType: 'VERIFIED' }, updateMask: '*' } },
        radio('Overall', 0),
      ],
    });
    const questionId = g.forms.questionId(formId, 'Overall');
    expect(() => g.forms.respond(formId, 'bob@example.com', {})).toThrow(/required/);
    expect(() => g.forms.respond(formId, 'bob@example.com', { Overall: 'Maybe' })).toThrow(/not an option/);
    const first = g.forms.respond(formId, 'bob@example.com', { Overall: 'Yes' }, '2026-12-01T10:00:00Z');
    g.forms.respond(formId, 'cy@example.com', { Overall: 'No' }, '2026-12-01T11:00:00Z');
    const all = await call('GET', `/v1/forms/${formId}/responses`, access);
    expect(all.body.responses).toHaveLength(2);
    expect(all.body.responses[0]).toMatchObject({
      responseId: first,
      respondentEmail: 'bob@example.com',
      answers: { [questionId]: { questionId, textAnswers: { answers: [{ value: 'Yes' }] } } },
    });
    const after = (filter: string) =>
      call('GET', `/v1/forms/${formId}/responses?filter=${encodeURIComponent(filter)}`, access);
    expect((await after('timestamp > 2026-12-01T10:00:00Z')).body.responses).toHaveLength(1);
    expect((await after('timestamp >= 2026-12-01T10:00:00Z')).body.responses).toHaveLength(2);
    for (const bad of [
      'timestamp > yesterday',
      'timestamp < 2026-12-01T10:00:00Z',
      'timestamp > 2026-12-01T10:00:00+01:00',
    ])
      expect((await after(bad)).status, bad).toBe(400);
    // An edit moves lastSubmittedTime, so it is listed again after the earlier cut.
    g.forms.editResponse(formId, first, { Overall: 'No' }, '2026-12-01T12:00:00Z');
    expect((await after('timestamp > 2026-12-01T11:00:00Z')).body.responses[0].responseId).toBe(first);
    const page = await call('GET', `/v1/forms/${formId}/responses?pageSize=1`, access);
    expect(page.body.responses).toHaveLength(1);
    const rest = await call(
      'GET',
      `/v1/forms/${formId}/responses?pageSize=1&pageToken=${page.body.nextPageToken}`,
      access,
    );
    expect(rest.body.responses).toHaveLength(1);
    expect(rest.body.nextPageToken).toBeUndefined();
    // A page token belongs to its filter.
    expect(
      (
        await call(
          'GET',
          `/v1/forms/${formId}/responses?filter=timestamp%20%3E%202020-01-01T00:00:00Z&pageToken=${page.body.nextPageToken}`,
          access,
        )
      ).status,
    ).toBe(400);
    // forms.responses.readonly reads responses; another user's token does not reach the form.
    expect((await call('GET', `/v1/forms/${formId}/responses`, token(responsesOnly))).status).toBe(200);
  });

  it('answers 404 for a deleted form, and injected faults in the gRPC error shape', async () => {
    const access = token(driveFile);
    const { formId } = (await create(access)).body;
    g.faults.add({ path: '/responses', status: 429, retryAfter: 1 });
    const limited = await call('GET', `/v1/forms/${formId}/responses`, access);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    g.forms.deleteForm(formId);
    const gone = await call('GET', `/v1/forms/${formId}/responses`, access);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 404, status: 'NOT_FOUND' });
  });
});
