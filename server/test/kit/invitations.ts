import { schema } from '@board/db';
import { newToken } from '../../src/modules/accounts/secrets.ts';
import type { TestApp } from './app.ts';
import { get } from './http.ts';
import { associationIdOf, associations, freshEmail, type AssociationKey } from './people.ts';

/** An invitation made directly in the database; returns its id, the link token and the address. */
export async function createInvitation(
  t: TestApp,
  values: {
    role: 'municipal_staff' | 'officer';
    /** a demo association: its municipality and id (else give `municipalityCode`, and `associationId` for an officer) */
    association?: AssociationKey;
    municipalityCode?: string;
    associationId?: string | null;
    email?: string;
    invitedBy?: string | null;
    expiresAt?: Date;
    acceptedAt?: Date | null;
    revokedAt?: Date | null;
    language?: 'ja' | 'en' | 'ja-easy';
  },
): Promise<{ id: string; token: string; email: string }> {
  const { token, hash } = newToken();
  const demo = values.association ? associations[values.association] : undefined;
  const email = values.email ?? freshEmail('invitee');
  const [row] = await t.database.handle.db
    .insert(schema.invitations)
    .values({
      role: values.role,
      email,
      language: values.language ?? 'ja',
      municipalityCode: values.municipalityCode ?? demo!.code,
      associationId: values.associationId ?? (demo ? await associationIdOf(t, demo.name) : null),
      invitedBy: values.invitedBy ?? null,
      tokenHash: hash,
      expiresAt: values.expiresAt ?? new Date(Date.now() + 7 * 86_400_000),
      acceptedAt: values.acceptedAt ?? null,
      revokedAt: values.revokedAt ?? null,
    })
    .returning({ id: schema.invitations.id });
  return { id: row!.id, token, email };
}

/**
 * An invitation to become an officer of a demo association, 千住一丁目町会 unless `values` name
 * another, made directly in the database (`values` as for `createInvitation`).
 */
export function createOfficerInvitation(t: TestApp, values: Omit<Parameters<typeof createInvitation>[1], 'role'> = {}) {
  return createInvitation(t, { role: 'officer', association: 'senju', ...values });
}

/** What the accept page learns from an invitation link's token, asked without a session. */
export function previewInvitation(t: TestApp, token: string) {
  return get(t, {}, `/api/invitations/preview?token=${encodeURIComponent(token)}`);
}
