import { FlagList } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { as, createVolunteer, demoEmails, flagRequest, get, insertRequest, useApiApp } from '../kit/index.ts';

/** The flag list shows staff what was reported (issue 15): a flagged request's text, its opening only. */

const t = useApiApp();

async function flagged(body: string) {
  const request = await insertRequest(t, { title: '通報される依頼', body });
  const volunteer = await createVolunteer(t);
  await flagRequest(t, volunteer.headers, request.id, '変です');
  const list = await get(t, await as(t, demoEmails.staffAdachi), '/api/flags');
  return FlagList.parse(list.json()).items.find((f) => f.targetId === request.id)!;
}

describe('a flagged request in the flag list', () => {
  it('carries its whole text when short', async () => {
    expect((await flagged('電話番号は本文に書きました。\n090-0000-0000')).target.text).toBe(
      '電話番号は本文に書きました。\n090-0000-0000',
    );
  });

  it('carries the first 400 characters of a long text, then …', async () => {
    const body = `${'あ'.repeat(399)}𠮷${'い'.repeat(300)}`;
    const text = (await flagged(body)).target.text!;
    expect([...text]).toHaveLength(401);
    expect(text.endsWith('𠮷…')).toBe(true);
  });
});
