import { schema } from '@board/db';
import { ModerationQueue, ReviewHistory } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answer,
  as,
  createDraft,
  demoEmails,
  insertRequest,
  setModeration,
  useApiApp,
  validInput,
} from '../kit/index.ts';

/** The clerk's queue (columns, association and status filters) and a resubmitted request's history. */

const t = useApiApp();
beforeAll(async () => {
  await setModeration(t, '13121', true);
});

const day = 86_400_000;

async function get(email: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: await as(t, email) });
}
async function post(email: string, url: string, payload?: unknown) {
  const res = await t.app.inject({ method: 'POST', url, headers: await as(t, email), payload: payload as object });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

/** A draft written through the API, sent back with a reason, edited as given and sent for review again. */
async function returnedAndResubmitted(reason: string, edits: Record<string, unknown>) {
  const draft = await createDraft(t);
  await post(demoEmails.officerSenju, `/api/requests/${draft.id}/submit`);
  await post(demoEmails.staffAdachi, `/api/requests/${draft.id}/request-changes`, { reason });
  const edited = await t.app.inject({
    method: 'PUT',
    url: `/api/requests/${draft.id}`,
    headers: await as(t, demoEmails.officerSenju),
    payload: validInput({ when: draft.when, applicationDeadline: draft.applicationDeadline, ...edits }),
  });
  expect(edited.statusCode, edited.body).toBe(200);
  await post(demoEmails.officerSenju, `/api/requests/${draft.id}/submit`);
  return draft.id;
}

describe('the queue as a table', () => {
  it('gives each row the days it has waited and whether it was sent back before', async () => {
    const { id: waiting } = await insertRequest(t, { status: 'pending_review', title: '三日待ち' });
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ updatedAt: new Date(Date.now() - 3 * day - 60_000) })
      .where(eq(schema.helpRequests.id, waiting));
    const again = await returnedAndResubmitted('日時をはっきり書いてください。', { title: '日時を直した依頼' });

    const res = await get(demoEmails.staffAdachi, '/api/moderation/queue');
    const items = answer(res, 200, ModerationQueue).items;
    expect(items.find((i) => i.id === waiting)).toMatchObject({ daysWaiting: 3, resubmitted: false });
    expect(items.find((i) => i.id === again)).toMatchObject({
      daysWaiting: 0,
      resubmitted: true,
      title: '日時を直した依頼',
    });
    // oldest waiting first: the three-day-old one comes before today's resubmission
    expect(items.findIndex((i) => i.id === waiting)).toBeLessThan(items.findIndex((i) => i.id === again));
  });

  it("filters by one association, and another ward's association gives nothing", async () => {
    const atUmeda = await insertRequest(t, { status: 'pending_review', association: 'umeda', title: '梅田の申請' });
    await insertRequest(t, { status: 'pending_review', association: 'senju', title: '千住の申請' });
    const umeda = atUmeda.associationId;

    const onlyUmeda = ModerationQueue.parse(
      (await get(demoEmails.staffAdachi, `/api/moderation/queue?associationId=${umeda}`)).json(),
    );
    expect(onlyUmeda.items.map((i) => i.id)).toEqual([atUmeda.id]);

    // 新宿区 staff asking for an 足立区 association see an empty list, never its requests
    const foreign = await get(demoEmails.staffShinjuku, `/api/moderation/queue?associationId=${umeda}`);
    expect(answer(foreign, 200, ModerationQueue).items).toEqual([]);
    expect(foreign.body).not.toContain('梅田の申請');
  });

  it('lists the requests sent back to their officers when asked for that state', async () => {
    const { id: returned } = await insertRequest(t, { status: 'changes_requested', title: '直し待ち' });
    const list = ModerationQueue.parse(
      (await get(demoEmails.staffAdachi, '/api/moderation/queue?status=changes_requested')).json(),
    );
    expect(list.items.map((i) => i.id)).toContain(returned);
    expect(list.items.every((i) => i.status === 'changes_requested')).toBe(true);
    expect(list.items).toHaveLength(list.counts.changesRequested);
  });

  it('refuses a filter that is not an id or a listed state, with the field named', async () => {
    for (const query of ['associationId=not-a-uuid', 'status=published']) {
      const res = await get(demoEmails.staffAdachi, `/api/moderation/queue?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe("a resubmitted request's history", () => {
  it('holds the last reason and exactly the fields the officers changed', async () => {
    const id = await returnedAndResubmitted('集合場所は公開欄に書かないでください。', {
      title: '集会所の椅子並べ',
      area: '千住一丁目の集会所まわり',
      slots: 3,
    });
    const res = await get(demoEmails.staffAdachi, `/api/moderation/requests/${id}/history`);
    const { lastReturn } = answer(res, 200, ReviewHistory);
    expect(lastReturn?.reason).toBe('集合場所は公開欄に書かないでください。');
    expect(lastReturn?.changedFields?.sort()).toEqual(['area', 'slots', 'title']);
  });

  it('is empty for a request never sent back', async () => {
    const { id } = await insertRequest(t, { status: 'pending_review' });
    const res = await get(demoEmails.staffAdachi, `/api/moderation/requests/${id}/history`);
    expect(ReviewHistory.parse(res.json())).toEqual({ lastReturn: null });
  });

  it("is not another ward's to read, even once the request is public", async () => {
    const id = await returnedAndResubmitted('内容が掲示板の趣旨に合いません。', { title: '公開後の依頼' });
    await post(demoEmails.staffAdachi, `/api/requests/${id}/approve`);
    for (const email of [demoEmails.staffShinjuku, demoEmails.volunteer1, demoEmails.officerOkubo]) {
      const res = await get(email, `/api/moderation/requests/${id}/history`);
      expect(res.statusCode, email).toBe(404);
      expect(res.body).not.toContain('趣旨');
    }
    // the foundation reads every ward's history
    const foundation = await get(demoEmails.foundation, `/api/moderation/requests/${id}/history`);
    expect(ReviewHistory.parse(foundation.json()).lastReturn?.reason).toBe('内容が掲示板の趣旨に合いません。');
  });
});
