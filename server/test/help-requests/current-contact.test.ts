import { schema } from '@board/db';
import { OfficerContact } from '@board/shared';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { get, post } from '../kit/http.ts';
import { as, associationIdOf, createPerson, demoEmails, userIdOf } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';
import { auditEntries } from '../kit/rows.ts';

/**
 * A request shows the contact of a current officer: the poster while they still are one, else
 * another officer of the association, else the ward's contact desk; never a removed officer.
 */

const t = useApiApp();

async function contactOf(requestId: string) {
  const res = await post(t, await as(t, demoEmails.staffAdachi), `/api/requests/${requestId}/officer-contact`, {
    reason: '連絡が取れないとの相談',
  });
  return { status: res.statusCode, contact: res.statusCode === 200 ? OfficerContact.parse(res.json()) : null };
}

async function removeOfficer(userId: string, associationId: string) {
  await t.database.handle.db
    .delete(schema.roleAssignments)
    .where(and(eq(schema.roleAssignments.userId, userId), eq(schema.roleAssignments.associationId, associationId)));
}

describe('the contact a request shows', () => {
  it('moves from a removed officer to a current one, then to the ward desk', async () => {
    const senju = await associationIdOf(t, '千住一丁目町会');
    const poster = await userIdOf(t, demoEmails.officerSenju);
    const requestId = (await insertRequest(t, { title: '連絡先の引き継ぎ' })).id;
    expect((await contactOf(requestId)).contact?.email).toBe(demoEmails.officerSenju);

    const successor = await createPerson(t, {
      displayName: '後任 花子',
      roles: [{ role: 'officer', municipalityCode: '13121', associationId: senju }],
    });
    await removeOfficer(poster, senju);
    const second = await contactOf(requestId);
    expect(second.contact).toEqual({ name: '後任 花子', email: successor.email, phone: null });
    const entries = await auditEntries(t, 'contact.reveal');
    expect(entries.at(-1)?.details).toMatchObject({ contactOf: [successor.id] });
    // the officers' own list shows the successor too
    const mine = await get(t, await as(t, successor.email), '/api/me/requests');
    expect(mine.statusCode).toBe(200);
    const item = (mine.json().items as { id: string; officerContact: unknown }[]).find((i) => i.id === requestId);
    expect(item?.officerContact).toEqual({ name: '後任 花子', email: successor.email, phone: null });

    await removeOfficer(successor.id, senju);
    // without a desk (the demo gives its wards one) nobody is left to show
    await t.database.handle.db
      .update(schema.municipalities)
      .set({ settings: {} })
      .where(eq(schema.municipalities.code, '13121'));
    expect((await contactOf(requestId)).status).toBe(404);
    await t.database.handle.db
      .update(schema.municipalities)
      .set({ settings: { contactDesk: '足立区 地域のちから推進課 03-0000-0000' } })
      .where(eq(schema.municipalities.code, '13121'));
    expect((await contactOf(requestId)).contact).toEqual({
      name: '足立区 地域のちから推進課 03-0000-0000',
      email: null,
      phone: null,
    });
  });
});
