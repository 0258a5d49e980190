import { describe, expect, it } from 'vitest';
import { participatingFirst } from './municipality-order.ts';

describe('participatingFirst', () => {
  it('puts the municipalities taking part first, keeping the given order in each part', () => {
    const list = [
      { code: '13101', status: 'onboarding' },
      { code: '13104', status: 'active' },
      { code: '13105', status: 'paused' },
      { code: '13121', status: 'active' },
    ] as const;
    const { participating, notYet } = participatingFirst(list);
    expect(participating.map((m) => m.code)).toEqual(['13104', '13121']);
    expect(notYet.map((m) => m.code)).toEqual(['13101', '13105']);
  });
});
