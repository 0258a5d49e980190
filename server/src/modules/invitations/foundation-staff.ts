import { DisplayName, Email } from '@board/shared';
import { z } from 'zod';
import type { DatabaseDoor } from '../../database/door.ts';
import { recordAudit } from '../audit/record.ts';
import { accountRepository } from '../me/repository.ts';

/** What the operator gives on the command line. */
export const FoundationStaffInput = z.object({ email: Email, displayName: DisplayName.optional() });

export interface FoundationStaffOutcome {
  userId: string;
  accountCreated: boolean;
  roleGranted: boolean;
}

/**
 * The operator command's work (scripts/admin/create-foundation-staff.ts): makes sure the person
 * with this email exists and is foundation staff. A missing account is made with the email marked
 * verified and no password (they set one through "forgot password" or sign in with an emailed
 * link). Idempotent: running it again changes nothing and records nothing.
 */
export async function ensureFoundationStaff(
  door: DatabaseDoor,
  input: { email: string; displayName?: string | undefined },
): Promise<FoundationStaffOutcome> {
  return door.asSystem('operator command: make foundation staff', async (tx) => {
    const accounts = accountRepository(tx);
    let userId = (await accounts.findActiveByEmail(input.email))?.id ?? null;
    let accountCreated = false;
    if (!userId) {
      userId = await accounts.insertUser({
        email: input.email,
        displayName: input.displayName ?? input.email.split('@')[0]!,
        language: 'ja',
        passwordHash: null,
        emailVerified: true,
      });
      if (!userId)
        throw new Error('The account was created by someone else at the same moment; run the command again.');
      accountCreated = true;
    }
    const roleGranted = await accounts.grantRole(userId, {
      role: 'foundation_staff',
      municipalityCode: null,
      associationId: null,
    });
    if (roleGranted) {
      await recordAudit(tx, {
        actorId: null,
        action: 'role.grant',
        subjectType: 'user',
        subjectId: userId,
        details: { role: 'foundation_staff', via: 'operator command', accountCreated },
      });
    }
    return { userId, accountCreated, roleGranted };
  });
}
