import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  requestStatuses,
  requestTransitionNames,
  requestTransitions,
  transitionTarget,
} from '../src/requests.ts';

describe('request lifecycle table', () => {
  it('follows DOMAIN.md: draft → pending review → published → filled → completed', () => {
    expect(transitionTarget('submit', 'draft')).toBe('pending_review');
    expect(transitionTarget('approve', 'pending_review')).toBe('published');
    expect(transitionTarget('fill', 'published')).toBe('filled');
    expect(transitionTarget('complete', 'filled')).toBe('completed');
  });

  it('side exits: changes requested goes back to the officer, who can resubmit', () => {
    expect(transitionTarget('requestChanges', 'pending_review')).toBe('changes_requested');
    expect(transitionTarget('submit', 'changes_requested')).toBe('pending_review');
  });

  it('ends are final: nothing leaves completed, rejected, withdrawn, expired or closed', () => {
    for (const end of ['completed', 'rejected', 'withdrawn', 'expired', 'closed'] as const) {
      for (const name of requestTransitionNames) expect(transitionTarget(name, end), `${name} from ${end}`).toBeNull();
    }
  });

  it('every transition either applies or is refused, for every state', () => {
    for (const name of requestTransitionNames) {
      for (const from of requestStatuses) {
        const target = transitionTarget(name, from);
        const listed = (requestTransitions[name].from as readonly string[]).includes(from);
        expect(target !== null, `${name} from ${from}`).toBe(listed);
      }
    }
  });

  it('offers staff only review buttons on a pending request, and officers only withdraw', () => {
    expect(availableTransitions('pending_review', 'staff').sort()).toEqual(['approve', 'reject', 'requestChanges']);
    expect(availableTransitions('pending_review', 'officer')).toEqual(['withdraw']);
  });
});
