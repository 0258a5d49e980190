import { schema } from '@board/db';
import { HelpRequestDetail } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../src/services/context.ts';
import {
  actorOf,
  as,
  auditEntries,
  createDraft,
  del,
  demoEmails,
  errorCode,
  get,
  insertRequest,
  post,
  requestRow,
  rowCounts,
  stateSnapshot,
  useApiApp,
  userIdOf,
  validInput,
} from '../kit/index.ts';

/**
 * An officer's drafts (issue 15): a draft can be deleted, only a draft, only by an officer of its
 * association (the service says so, and row-level security says so again); and a request may be
 * on a day whose time is not fixed yet (`when.kind = 'day'`).
 */

const t = useApiApp();

const remove = async (email: string, id: string) => del(t, await as(t, email), `/api/requests/${id}`);

const exists = async (id: string) =>
  (await t.database.handle.db.select().from(schema.helpRequests).where(eq(schema.helpRequests.id, id))).length === 1;

describe('deleteRequest', () => {
  it('an officer deletes a draft of their association: gone, and audited with its title', async () => {
    const draft = await createDraft(t, { title: '消す下書き' });
    const res = await remove(demoEmails.officerSenju, draft.id);
    expect(res.statusCode, res.body).toBe(204);
    expect(await exists(draft.id)).toBe(false);
    const after = await get(t, await as(t, demoEmails.officerSenju), `/api/requests/${draft.id}`);
    expect(after.statusCode).toBe(404);
    const entry = (await auditEntries(t, 'request.delete')).find((e) => e.subjectId === draft.id);
    expect(entry).toMatchObject({
      actorId: await userIdOf(t, demoEmails.officerSenju),
      municipalityCode: '13121',
      subjectType: 'help_request',
      details: { title: '消す下書き', associationId: draft.associationId },
    });
    // a second delete finds nothing
    expect((await remove(demoEmails.officerSenju, draft.id)).statusCode).toBe(404);
  });

  it('says whether a draft may be deleted: yes for its officers, and only while it is a draft', async () => {
    const draft = await createDraft(t);
    expect(draft.canDelete).toBe(true);
    const sent = await post(t, await as(t, demoEmails.officerSenju), `/api/requests/${draft.id}/submit`);
    expect(HelpRequestDetail.parse(sent.json()).canDelete).toBe(false);
    const staffView = await get(t, await as(t, demoEmails.staffAdachi), `/api/requests/${draft.id}`);
    expect(HelpRequestDetail.parse(staffView.json()).canDelete).toBe(false);
  });

  it.each(['pending_review', 'changes_requested', 'published', 'withdrawn'] as const)(
    'refuses a request that is %s: 409 REQUEST_NOT_DELETABLE, nothing changed',
    async (status) => {
      const sent = await insertRequest(t, { status });
      const before = await stateSnapshot(t);
      const res = await remove(demoEmails.officerSenju, sent.id);
      expect(res.statusCode, res.body).toBe(409);
      expect(errorCode(res)).toBe('REQUEST_NOT_DELETABLE');
      expect(await stateSnapshot(t)).toEqual(before);
    },
  );

  it.each([
    { who: 'an officer of another association in the same ward', email: demoEmails.officerUmeda, status: 404 },
    { who: 'an officer in another ward', email: demoEmails.officerYotsuya, status: 404 },
    { who: 'the ward’s own staff', email: demoEmails.staffAdachi, status: 403 },
    { who: 'another ward’s staff', email: demoEmails.staffShinjuku, status: 404 },
    { who: 'foundation staff', email: demoEmails.foundation, status: 403 },
    { who: 'a volunteer', email: demoEmails.volunteer1, status: 404 },
  ])('refuses $who ($status), nothing changed', async ({ email, status }) => {
    const draft = await createDraft(t);
    const before = await rowCounts(t);
    const res = await remove(email, draft.id);
    expect(res.statusCode, res.body).toBe(status);
    expect(await requestRow(t, draft.id)).toMatchObject({ status: 'draft' });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('refuses a stranger (401) and a malformed id (400)', async () => {
    const draft = await createDraft(t);
    expect((await del(t, {}, `/api/requests/${draft.id}`)).statusCode).toBe(401);
    expect((await remove(demoEmails.officerSenju, 'not-a-uuid')).statusCode).toBe(400);
    expect(await exists(draft.id)).toBe(true);
  });

  it('row-level security deletes only drafts of the officer’s own association, whatever the code asks', async () => {
    const own = await createDraft(t);
    const published = await insertRequest(t, { status: 'published' });
    const othersDraft = await insertRequest(t, { association: 'umeda', status: 'draft' });
    const officer = await actorOf(t, await userIdOf(t, demoEmails.officerSenju));
    const r = schema.helpRequests;
    const deleted = await systemContext(t.app).door.asActor(officer, async (tx) => {
      // no status or association in the WHERE: only the policy stands between these and deletion
      const tryDelete = async (id: string) => (await tx.delete(r).where(eq(r.id, id)).returning({ id: r.id })).length;
      return { published: await tryDelete(published.id), othersDraft: await tryDelete(othersDraft.id) };
    });
    expect(deleted).toEqual({ published: 0, othersDraft: 0 });
    expect(await exists(published.id)).toBe(true);
    expect(await exists(othersDraft.id)).toBe(true);
    expect(await exists(own.id)).toBe(true);
  });
});

describe('a day whose time is not fixed yet', () => {
  const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  it('is saved and read back as that day, stored from the start of the Tokyo day', async () => {
    const draft = await createDraft(t, { when: { kind: 'day', day }, applicationDeadline: null });
    expect(draft.when).toEqual({ kind: 'day', day });
    const row = await requestRow(t, draft.id);
    expect(row.whenKind).toBe('day');
    expect(row.startsAt?.toISOString()).toBe(new Date(`${day}T00:00:00+09:00`).toISOString());
    expect(row.endsAt).toBeNull();
  });

  it('is found by the board’s date filter for that day, and not for the day before', async () => {
    const draft = await createDraft(t, { title: '日にちだけの依頼', when: { kind: 'day', day } });
    await post(t, await as(t, demoEmails.officerSenju), `/api/requests/${draft.id}/submit`);
    const approved = await post(t, await as(t, demoEmails.staffAdachi), `/api/requests/${draft.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const onDay = await get(t, {}, `/api/requests?from=${day}&to=${day}`);
    expect(onDay.json().items.map((i: { id: string }) => i.id)).toContain(draft.id);
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const before = await get(t, {}, `/api/requests?from=${dayBefore}&to=${dayBefore}`);
    expect(before.json().items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
  });

  it('takes a deadline up to the end of that day, not after', async () => {
    const ok = await post(
      t,
      await as(t, demoEmails.officerSenju),
      '/api/requests',
      validInput({ when: { kind: 'day', day }, applicationDeadline: `${day}T23:59:00+09:00` }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const before = await rowCounts(t);
    const late = await post(
      t,
      await as(t, demoEmails.officerSenju),
      '/api/requests',
      validInput({ when: { kind: 'day', day }, applicationDeadline: `${day}T23:59:30+09:00` }),
    );
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toEqual([{ field: 'applicationDeadline', code: 'DEADLINE_AFTER_START' }]);
    expect(await rowCounts(t)).toEqual(before);
  });

  it.each([
    ['no day', { kind: 'day' }],
    ['an impossible day', { kind: 'day', day: '2026-02-30' }],
    ['a day with a time', { kind: 'day', day: '2026-12-05T10:00' }],
  ])('refuses %s (400 on when.day), nothing written', async (_what, when) => {
    const before = await rowCounts(t);
    const res = await post(
      t,
      await as(t, demoEmails.officerSenju),
      '/api/requests',
      validInput({ when, applicationDeadline: null }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['when.day']);
    expect(await rowCounts(t)).toEqual(before);
  });
});
