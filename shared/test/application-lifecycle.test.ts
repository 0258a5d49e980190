import { describe, expect, it } from 'vitest';
import {
  applicationStage,
  applicationStages,
  applicationTransitionNames,
  applicationTransitions,
  applicationTransitionTarget,
} from '../src/application-lifecycle.ts';
import { permissions } from '../src/permissions.ts';

describe('application lifecycle table', () => {
  it('follows DOMAIN.md: pending → accepted (a match) → done → confirmed', () => {
    expect(applicationTransitionTarget('accept', 'pending')).toBe('accepted');
    expect(applicationTransitionTarget('complete', 'accepted')).toBe('completed');
    expect(applicationTransitionTarget('confirm', 'completed')).toBe('confirmed');
  });

  it('a hand can be taken back while waiting or matched, never once the work is marked done', () => {
    expect(applicationTransitionTarget('withdraw', 'pending')).toBe('withdrawn');
    expect(applicationTransitionTarget('withdraw', 'accepted')).toBe('withdrawn');
    expect(applicationTransitionTarget('withdraw', 'completed')).toBeNull();
    expect(applicationTransitionTarget('withdraw', 'confirmed')).toBeNull();
  });

  it('ends are final: nothing leaves declined, withdrawn or confirmed', () => {
    for (const end of ['declined', 'withdrawn', 'confirmed'] as const) {
      for (const name of applicationTransitionNames) {
        expect(applicationTransitionTarget(name, end), `${name} from ${end}`).toBeNull();
      }
    }
  });

  it('every transition either applies or is refused, for every stage', () => {
    for (const name of applicationTransitionNames) {
      for (const from of applicationStages) {
        const listed = (applicationTransitions[name].from as readonly string[]).includes(from);
        expect(applicationTransitionTarget(name, from) !== null, `${name} from ${from}`).toBe(listed);
      }
    }
  });

  it('names a permission of the permissions table for every transition', () => {
    for (const name of applicationTransitionNames) expect(applicationTransitions[name].by in permissions).toBe(true);
  });

  it('reads the stage from the stored status and times', () => {
    const at = new Date();
    expect(applicationStage({ status: 'pending', completedAt: null, confirmedAt: null })).toBe('pending');
    expect(applicationStage({ status: 'accepted', completedAt: null, confirmedAt: null })).toBe('accepted');
    expect(applicationStage({ status: 'accepted', completedAt: at, confirmedAt: null })).toBe('completed');
    expect(applicationStage({ status: 'accepted', completedAt: at, confirmedAt: at })).toBe('confirmed');
    expect(applicationStage({ status: 'withdrawn', completedAt: null, confirmedAt: null })).toBe('withdrawn');
  });
});
