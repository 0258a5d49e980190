import type { Database } from '@board/db';
import type { RoleGrantView } from '@board/shared';
import { recordAudit } from '../audit/record.ts';
import type { SignInMethod } from './service.ts';

/** Staff sign-ins are audited, once per municipality they work for (the foundation: once, for all). */
export async function auditStaffSignIn(tx: Database, userId: string, roles: RoleGrantView[], method: SignInMethod) {
  const scopes = new Set<string | null>();
  for (const grant of roles) {
    if (grant.role === 'foundation_staff') scopes.add(null);
    if (grant.role === 'municipal_staff' && grant.municipalityCode) scopes.add(grant.municipalityCode);
  }
  for (const municipalityCode of scopes) {
    await recordAudit(tx, {
      actorId: userId,
      action: 'staff.sign_in',
      municipalityCode,
      subjectType: 'user',
      subjectId: userId,
      details: { method },
    });
  }
}
