import { describe, expect, it } from 'vitest';
import { auditActionGroups, auditActionKeys, auditActionsOf } from '../src/audit-actions.ts';

describe('audit action groups', () => {
  it('hold every action exactly once', () => {
    const grouped = Object.values(auditActionGroups).flatMap((g) => [...g.actions]);
    expect([...grouped].sort()).toEqual([...auditActionKeys].sort());
  });

  it('a filter stands for its group or for the one action', () => {
    expect(auditActionsOf('flags')).toEqual(['flag.hide', 'flag.dismiss']);
    expect(auditActionsOf('match.accept')).toEqual(['match.accept']);
  });
});
