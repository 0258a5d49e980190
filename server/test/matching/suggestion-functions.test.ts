import { anonymousAccess, rowsOf, schema, withAccess, type AccessContext } from '@board/db';
import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applied, matched } from '../kit/applications.ts';
import { useApiApp } from '../kit/app.ts';
import { post } from '../kit/http.ts';
import { createVolunteer, demoEmails } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';
import { volunteerWith } from './profiles.ts';

// The SQL functions behind the suggestion lists answer only those who may see a request's
// suggestions, and only with what the lists show (migrations 0027, 0037, 0040).

const t = useApiApp();
const db = () => t.database.handle.db;

describe('suggestion_candidates / suggestion_people (the SQL functions behind the list)', () => {
  /** The function's rows as `access` (the app's role, row-level security on), or its error code. */
  async function call(access: Partial<AccessContext>, statement: SQL) {
    try {
      const result = await withAccess(t.appDatabase.db, { ...anonymousAccess, ...access }, (tx) =>
        tx.execute(statement),
      );
      return rowsOf<{ user_id: string }>(result).map((row) => row.user_id);
    } catch (err) {
      return (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    }
  }

  it('answers the request’s staff, officers and system work with consenting volunteers only; refuses anyone else', async () => {
    const { id, associationId } = await insertRequest(t, { association: 'senju', skillKeys: ['flyer_design'] });
    const agreed = await volunteerWith(t, { skills: [{ key: 'flyer_design', level: 'can' }], suggestable: true });
    const notAgreed = await volunteerWith(t, { skills: [{ key: 'flyer_design', level: 'can' }], suggestable: false });
    const ids = sql`array[${agreed.id}, ${notAgreed.id}]::uuid[]`;
    const candidates = sql`select * from suggestion_candidates(${id}::uuid, array['flyer_design']::text[], '{}'::jsonb, null, null, null)`;
    const people = sql`select * from suggestion_people(${id}::uuid, ${ids})`;
    for (const statement of [candidates, people]) {
      for (const allowed of [
        { staffMunicipalities: ['13121'] },
        { officerAssociations: [associationId] },
        { system: true },
      ]) {
        const answer = await call(allowed, statement);
        expect(answer).toContain(agreed.id);
        expect(answer).not.toContain(notAgreed.id);
      }
      const refused = [
        { staffMunicipalities: ['13104'] }, // another ward's staff
        { officerAssociations: ['00000000-0000-4000-8000-000000000000'] }, // another association's officer
        { foundation: true },
        { userId: agreed.id }, // a volunteer
        {}, // a visitor
      ];
      for (const access of refused) expect(await call(access, statement)).toBe('42501');
    }
  });

  it('board_hands counts the hands raised (pending or accepted) on requests open on the board; none elsewhere', async () => {
    const open = await insertRequest(t, { association: 'senju', slots: 3 });
    const draft = await insertRequest(t, { association: 'senju', status: 'draft' });
    const [waiting, accepted, gone] = [await createVolunteer(t), await createVolunteer(t), await createVolunteer(t)];
    await applied(t, waiting.headers, open.id);
    await matched(t, accepted, open.id, demoEmails.officerSenju);
    const withdrawn = await applied(t, gone.headers, open.id);
    expect((await post(t, gone.headers, `/api/applications/${withdrawn}/withdraw`, {})).statusCode).toBe(200);
    // a draft's application (written directly: nobody can raise a hand on a draft) is not counted
    await db().insert(schema.applications).values({
      requestId: draft.id,
      volunteerId: waiting.id,
      municipalityCode: '13121',
      associationId: draft.associationId,
      message: 'お手伝いします',
      status: 'pending',
    });
    // the app's own role, as a visitor: counts of hands are what the board's cards show
    const rows = rowsOf<{ request_id: string; hands: number }>(
      await withAccess(t.appDatabase.db, anonymousAccess, (tx) =>
        tx.execute(sql`select * from board_hands(array[${open.id}, ${draft.id}]::uuid[])`),
      ),
    );
    expect(rows).toEqual([{ request_id: open.id, hands: 2 }]);
  });
});
