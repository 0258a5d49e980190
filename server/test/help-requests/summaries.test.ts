import { BoardPage, HelpRequestDetail, summaryMax } from '@board/shared';
import { describe, expect, it } from 'vitest';
import {
  answer,
  as,
  createDraft,
  demoEmails,
  errorCode,
  get,
  post,
  put,
  requestRow,
  rowCounts,
  setStatus,
  useApiApp,
  validInput,
} from '../kit/index.ts';

/**
 * An officer's short summaries of a request for readers of English and of やさしい日本語: optional,
 * plain text, at most `summaryMax` characters each; saved with the request, copied with it, and
 * shown wherever the request is (its page and the board's cards).
 */
const t = useApiApp();

/** The officer saves the request `id` with this body (the API's edit). */
const edit = async (id: string, payload: object) =>
  put(t, await as(t, demoEmails.officerSenju), `/api/requests/${id}`, payload);

describe('request summaries in English and やさしい日本語', () => {
  it('are optional: a request without them has empty summaries', async () => {
    const draft = await createDraft(t);
    expect(draft).toMatchObject({ summaryEn: '', summaryJaEasy: '' });
    expect(await requestRow(t, draft.id)).toMatchObject({ summaryEn: '', summaryJaEasy: '' });
  });

  it('are saved as typed (trimmed, line breaks kept, never HTML), and replaced on edit', async () => {
    const draft = await createDraft(t, {
      summaryEn: '  We need help laying out our newsletter.\nWord is fine. <b>not bold</b>  ',
      summaryJaEasy: 'ちょうかいの かみを つくります。',
    });
    expect(draft.summaryEn).toBe('We need help laying out our newsletter.\nWord is fine. <b>not bold</b>');
    expect(draft.summaryJaEasy).toBe('ちょうかいの かみを つくります。');

    const edited = await edit(draft.id, validInput({ summaryEn: 'Newsletter layout, 4 times a year.' }));
    expect(edited.statusCode, edited.body).toBe(200);
    // a full replacement: the easy Japanese summary left out is emptied
    expect(HelpRequestDetail.parse(edited.json())).toMatchObject({
      summaryEn: 'Newsletter layout, 4 times a year.',
      summaryJaEasy: '',
    });
    expect(await requestRow(t, draft.id)).toMatchObject({
      summaryEn: 'Newsletter layout, 4 times a year.',
      summaryJaEasy: '',
    });
  });

  it(`refuses a summary over ${summaryMax} characters or with control characters, naming the field; nothing changes`, async () => {
    const draft = await createDraft(t, { summaryEn: 'Kept as it was.' });
    const before = await rowCounts(t);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ summaryEn: 'a'.repeat(summaryMax + 1) }, 'summaryEn', 'TOO_LONG'],
      [{ summaryJaEasy: 'あ'.repeat(summaryMax + 1) }, 'summaryJaEasy', 'TOO_LONG'],
      [{ summaryEn: 'bell\u0007' }, 'summaryEn', 'INVALID_CHARACTERS'],
      [{ summaryJaEasy: 42 }, 'summaryJaEasy', 'invalid_type'],
    ];
    for (const [fields, field, code] of cases) {
      const res = await edit(draft.id, validInput(fields));
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields).toContainEqual({ field, code });
      const created = await post(t, await as(t, demoEmails.officerSenju), '/api/requests', validInput(fields));
      expect(created.statusCode).toBe(400);
    }
    // exactly the longest allowed is fine
    expect((await edit(draft.id, validInput({ summaryEn: 'a'.repeat(summaryMax) }))).statusCode).toBe(200);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('show on the request page and on the board to anyone, and go along when the request is copied', async () => {
    const draft = await createDraft(t, {
      title: `要約つきの依頼 ${Date.now()}`,
      summaryEn: 'Help us photograph the summer festival.',
      summaryJaEasy: 'なつまつりの しゃしんを とって ください。',
    });
    await setStatus(t, draft.id, 'published', { publishedAt: new Date() });

    const page = await get(t, {}, `/api/requests/${draft.id}`);
    expect(answer(page, 200, HelpRequestDetail)).toMatchObject({
      summaryEn: 'Help us photograph the summer festival.',
      summaryJaEasy: 'なつまつりの しゃしんを とって ください。',
    });

    const board = BoardPage.parse((await get(t, {}, '/api/requests?sort=newest&limit=50')).json());
    expect(board.items.find((r) => r.id === draft.id)).toMatchObject({
      summaryEn: 'Help us photograph the summer festival.',
      summaryJaEasy: 'なつまつりの しゃしんを とって ください。',
    });

    const copy = await post(t, await as(t, demoEmails.officerSenju), `/api/requests/${draft.id}/copy`);
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({
      status: 'draft',
      summaryEn: 'Help us photograph the summer festival.',
      summaryJaEasy: 'なつまつりの しゃしんを とって ください。',
    });
  });
});
