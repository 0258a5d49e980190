import { systemAccess, withAccess } from '@board/db';
import {
  ErrorBody,
  HelpRequestDetail,
  requestStatuses,
  requestTransitionNames,
  requestTransitions,
  transitionTarget,
  type RequestStatus,
  type RequestTransition,
} from '@board/shared';
import { describe, expect, it } from 'vitest';
import { expireOverdueRequests } from '../../src/modules/help-requests/expiry.ts';
import { requestRepository } from '../../src/modules/help-requests/repository.ts';
import {
  answer,
  as,
  createDraft,
  demoEmails,
  insertRequest,
  requestRow,
  setModeration,
  useApiApp,
} from '../kit/index.ts';

/**
 * Walks the lifecycle table of shared/src/help-request-lifecycle.ts: for every transition and every state, put
 * a request in that state directly in the database, fire the transition as the right person, and
 * expect the table's target state, or a 409 and an untouched row.
 */

const t = useApiApp();

type Outcome = { kind: 'http'; status: number; body: string } | { kind: 'internal' };

/** How each transition is fired: the route and person for those people fire, the server function for the rest. */
const fire: Record<RequestTransition, (id: string) => Promise<Outcome>> = {
  submit: async (id) => {
    await setModeration(t, '13121', true);
    return post(id, 'submit', demoEmails.officerSenju);
  },
  submitAndPublish: async (id) => {
    await setModeration(t, '13121', false);
    try {
      return await post(id, 'submit', demoEmails.officerSenju);
    } finally {
      await setModeration(t, '13121', true);
    }
  },
  approve: (id) => post(id, 'approve', demoEmails.staffAdachi),
  requestChanges: (id) => post(id, 'request-changes', demoEmails.staffAdachi, { reason: '日時を書いてください' }),
  reject: (id) => post(id, 'reject', demoEmails.staffAdachi, { reason: '営利目的の依頼です' }),
  withdraw: (id) => post(id, 'withdraw', demoEmails.officerSenju),
  close: (id) => post(id, 'close', demoEmails.staffAdachi, { reason: '行事が中止になりました' }),
  // fired by the server: the expiry job, and for the matching module the one conditional transition it calls
  expire: async () => {
    await expireOverdueRequests(t.app);
    return { kind: 'internal' };
  },
  fill: (id) => internal(id, 'fill'),
  reopen: (id) => internal(id, 'reopen'),
  complete: (id) => internal(id, 'complete'),
};

async function post(id: string, verb: string, email: string, payload?: object): Promise<Outcome> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/requests/${id}/${verb}`,
    headers: await as(t, email),
    ...(payload ? { payload } : {}),
  });
  return { kind: 'http', status: res.statusCode, body: res.body };
}

async function internal(id: string, name: RequestTransition): Promise<Outcome> {
  await withAccess(t.database.handle.db, systemAccess, (tx) => requestRepository(tx).transition(id, name));
  return { kind: 'internal' };
}

const cases = requestTransitionNames.flatMap((transition) =>
  requestStatuses.map((from) => ({ transition, from, to: transitionTarget(transition, from) })),
);

describe('the lifecycle table, walked through the API', () => {
  it('has a way to fire every transition', () => {
    expect(Object.keys(fire).sort()).toEqual([...requestTransitionNames].sort());
  });

  it.each(cases)('$transition from $from → $to', async ({ transition, from, to }) => {
    const id = (
      await insertRequest(t, {
        status: from as RequestStatus,
        // past its deadline with open slots, so that `expire` applies wherever the state allows it
        applicationDeadline:
          transition === 'expire' ? new Date(Date.now() - 60_000) : new Date(Date.now() + 86_400_000),
        slots: 2,
        matchedCount: 1,
      })
    ).id;
    const before = await requestRow(t, id);
    const outcome = await fire[transition](id);
    const after = await requestRow(t, id);

    if (to) {
      if (outcome.kind === 'http') expect(outcome.status, outcome.body).toBe(200);
      expect(after.status).toBe(to);
      const t2 = requestTransitions[transition] as { reason?: true };
      expect(after.statusReason === null).toBe(!t2.reason);
      if (to === 'published') expect(after.publishedAt).not.toBeNull();
      if (outcome.kind === 'http') expect(HelpRequestDetail.parse(JSON.parse(outcome.body)).status).toBe(to);
    } else {
      if (outcome.kind === 'http') {
        expect(outcome.status, outcome.body).toBe(409);
        expect(ErrorBody.parse(JSON.parse(outcome.body)).error.code).toBe('REQUEST_TRANSITION_NOT_ALLOWED');
      }
      expect(after).toEqual(before);
    }
  });
});

describe('submitting', () => {
  it('a double-clicked submit makes one transition; the second click gets 409', async () => {
    await setModeration(t, '13121', true);
    const draft = await createDraft(t);
    const headers = await as(t, demoEmails.officerSenju);
    const [a, b] = await Promise.all(
      [0, 1].map(() => t.app.inject({ method: 'POST', url: `/api/requests/${draft.id}/submit`, headers })),
    );
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    const loser = [a!, b!].find((r) => r.statusCode === 409)!;
    expect(ErrorBody.parse(loser.json()).error.code).toBe('REQUEST_TRANSITION_NOT_ALLOWED');
    expect((await requestRow(t, draft.id)).status).toBe('pending_review');
  });

  it('publishes at once where the municipality turned moderation off', async () => {
    await setModeration(t, '13121', false);
    try {
      const draft = await createDraft(t);
      expect(draft.availableTransitions).toEqual(['submitAndPublish', 'withdraw']);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/requests/${draft.id}/submit`,
        headers: await as(t, demoEmails.officerSenju),
      });
      expect(answer(res, 200, HelpRequestDetail)).toMatchObject({ status: 'published' });
      const board = (await t.app.inject({ method: 'GET', url: '/api/requests?limit=50' })).json();
      expect(board.items.map((i: { id: string }) => i.id)).toContain(draft.id);
    } finally {
      await setModeration(t, '13121', true);
    }
  });

  it('refuses a draft whose deadline has passed meanwhile, changing nothing', async () => {
    const id = (await insertRequest(t, { status: 'draft', applicationDeadline: new Date(Date.now() - 1000) })).id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/requests/${id}/submit`,
      headers: await as(t, demoEmails.officerSenju),
    });
    expect(answer(res, 409, ErrorBody).error).toMatchObject({
      code: 'REQUEST_DEADLINE_PASSED',
      fields: [{ field: 'applicationDeadline', code: 'DEADLINE_IN_PAST' }],
    });
    expect((await requestRow(t, id)).status).toBe('draft');
  });

  it('only the association’s officers submit or withdraw; staff only moderate', async () => {
    const draft = await createDraft(t);
    for (const [email, verb] of [
      [demoEmails.officerUmeda, 'submit'],
      [demoEmails.staffAdachi, 'submit'],
      [demoEmails.officerUmeda, 'withdraw'],
      [demoEmails.officerSenju, 'approve'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/requests/${draft.id}/${verb}`,
        headers: await as(t, email),
      });
      // another association's officer cannot even see the draft; staff see it but may not submit
      expect([403, 404], `${email} ${verb}: ${res.body}`).toContain(res.statusCode);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/requests/${draft.id}/submit` });
    expect(anonymous.statusCode).toBe(401);
    expect((await requestRow(t, draft.id)).status).toBe('draft');
  });
});

describe('the buttons each viewer gets', () => {
  it('availableTransitions follow the table and the viewer’s permissions', async () => {
    const id = (await insertRequest(t, { status: 'pending_review' })).id;
    const detail = async (email: string | null) =>
      HelpRequestDetail.parse(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/requests/${id}`,
            headers: email ? await as(t, email) : {},
          })
        ).json(),
      );
    expect((await detail(demoEmails.officerSenju)).availableTransitions).toEqual(['withdraw']);
    expect((await detail(demoEmails.staffAdachi)).availableTransitions).toEqual([
      'approve',
      'requestChanges',
      'reject',
    ]);
    expect((await detail(demoEmails.foundation)).availableTransitions).toEqual([]);
    const published = (await insertRequest(t, { status: 'published' })).id;
    const res = await t.app.inject({ method: 'GET', url: `/api/requests/${published}` });
    expect(HelpRequestDetail.parse(res.json())).toMatchObject({
      availableTransitions: [],
      canEdit: false,
      canCopy: false,
    });
    const asStaff = await t.app.inject({
      method: 'GET',
      url: `/api/requests/${published}`,
      headers: await as(t, demoEmails.staffAdachi),
    });
    expect(asStaff.json().availableTransitions).toEqual(['close']);
  });
});
