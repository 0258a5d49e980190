import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  requestStatuses,
  requestTransitionNames,
  requestTransitions,
  transitionTarget,
} from '../src/help-request-lifecycle.ts';
import { permissions, type Actor, type RoleGrant } from '../src/permissions.ts';

const actor = (userId: string, grant: RoleGrant): Actor => ({ userId, roles: [grant] });

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
    const pending = {
      municipalityCode: '13121',
      associationId: 'a1',
      status: 'pending_review',
      moderationRequired: true,
    } as const;
    const staff = actor('s', { role: 'municipal_staff', municipalityCode: '13121', associationId: null });
    const officer = actor('o', { role: 'officer', municipalityCode: '13121', associationId: 'a1' });
    const otherStaff = actor('x', { role: 'municipal_staff', municipalityCode: '13104', associationId: null });
    expect(availableTransitions(staff, pending).sort()).toEqual(['approve', 'reject', 'requestChanges']);
    expect(availableTransitions(officer, pending)).toEqual(['withdraw']);
    expect(availableTransitions(otherStaff, pending)).toEqual([]);
    expect(availableTransitions(null, pending)).toEqual([]);
  });

  it('offers the submit the moderation setting calls for', () => {
    const officer = actor('o', { role: 'officer', municipalityCode: '13121', associationId: 'a1' });
    const draft = { municipalityCode: '13121', associationId: 'a1', status: 'draft' } as const;
    expect(availableTransitions(officer, { ...draft, moderationRequired: true })).toEqual(['submit', 'withdraw']);
    expect(availableTransitions(officer, { ...draft, moderationRequired: false })).toEqual([
      'submitAndPublish',
      'withdraw',
    ]);
  });

  it('says who fires each transition once: a permission, or the server alone', () => {
    for (const name of requestTransitionNames) {
      const by: string = requestTransitions[name].by;
      expect(by === 'system' || by in permissions, name).toBe(true);
    }
  });
});
