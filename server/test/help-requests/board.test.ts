import { schema } from '@board/db';
import { BoardPage, ErrorBody, type HelpRequestPublic } from '@board/shared';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, get, insertRequest, useApiApp } from '../kit/index.ts';
import {
  allRows,
  at,
  byDeadline,
  day,
  byNewest,
  deadlineAhead,
  filters,
  onBoard,
  seedBoard,
  walk,
} from './board-oracle.ts';

/**
 * The board against an oracle: every filter and sort is checked by walking all pages of the API
 * and comparing with the same rule applied in plain code to every row in the database.
 */

const t = useApiApp();
beforeAll(() => seedBoard(t));

describe('board filters and sorts (against an oracle)', () => {
  for (const sort of ['newest', 'deadline'] as const) {
    it.each(filters)(`$name, sorted by ${sort}`, async ({ query, keep }) => {
      const expected = (await allRows(t))
        .filter(onBoard)
        .filter(keep)
        .filter(sort === 'deadline' ? deadlineAhead : () => true)
        .sort(sort === 'newest' ? byNewest : byDeadline)
        .map((r) => r.id);
      const got = await walk(t, `${query}&sort=${sort}`.replace(/^&/, ''));
      expect(got.map((i) => i.id)).toEqual(expected);
      // the count beside the first page: every page together
      const first = answer(await get(t, {}, `/api/requests?${query}&sort=${sort}&limit=3`), 200, BoardPage);
      expect({ total: first.total, more: first.more }).toEqual({ total: expected.length, more: false });
    });
  }

  it('an empty sort means newest first', async () => {
    const blank = await walk(t, 'sort=', 50);
    const newest = await walk(t, 'sort=newest', 50);
    expect(blank.map((i) => i.id)).toEqual(newest.map((i) => i.id));
  });

  it('the filters above find something (the oracle is not comparing empty lists)', async () => {
    const rows = (await allRows(t)).filter(onBoard);
    for (const f of filters) expect(rows.filter(f.keep).length, f.name).toBeGreaterThan(0);
  });

  it('never shows hidden requests, other states or municipalities that have not joined', async () => {
    const got = await walk(t, '', 50);
    const all = await allRows(t);
    const byId = new Map(all.map((r) => [r.id, r]));
    expect(got.every((i) => onBoard(byId.get(i.id)!))).toBe(true);
    expect(got.some((i) => i.title === '島の依頼')).toBe(false);
    expect(all.some((r) => r.hiddenAt !== null && r.status === 'published')).toBe(true);
  });

  it('lists completed work and passed deadlines no more, but a completed request stays readable by link', async () => {
    const completed = (await insertRequest(t, { title: '終わった依頼', status: 'completed' })).id;
    const passed = (
      await insertRequest(t, {
        title: '締切を過ぎて満員',
        status: 'filled',
        matchedCount: 1,
        applicationDeadline: new Date(Date.now() - day),
      })
    ).id;
    const newest = (await walk(t, 'sort=newest', 50)).map((i) => i.id);
    const byDeadlineIds = (await walk(t, 'sort=deadline', 50)).map((i) => i.id);
    expect(newest).not.toContain(completed);
    expect(byDeadlineIds).not.toContain(completed);
    // a filled request whose deadline passed is still on the board (newest), not among "closing soon"
    expect(newest).toContain(passed);
    expect(byDeadlineIds).not.toContain(passed);
    const page = await get(t, {}, `/api/requests/${completed}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().status).toBe('completed');
    for (const id of [completed, passed]) {
      await t.database.handle.db
        .update(schema.helpRequests)
        .set({ status: 'withdrawn' })
        .where(eq(schema.helpRequests.id, id));
    }
  });

  it('shows no exact place and no contact', async () => {
    const res = await get(t, {}, '/api/requests?limit=50');
    expect(res.body).not.toContain('秘密の集合場所');
    expect(res.body).not.toContain('@demo.example');
    expect(Object.keys(res.json().items[0]).sort()).toEqual(Object.keys(BoardPage.shape.items.element.shape).sort());
  });
});

describe('keyset pagination', () => {
  it('is stable when newer requests arrive between pages: no duplicates, no gaps', async () => {
    for (const sort of ['newest', 'deadline'] as const) {
      const expected = (await allRows(t))
        .filter(onBoard)
        .filter(sort === 'deadline' ? deadlineAhead : () => true)
        .sort(sort === 'newest' ? byNewest : byDeadline)
        .map((r) => r.id);
      const first = BoardPage.parse((await get(t, {}, `/api/requests?sort=${sort}&limit=5`)).json());
      // new requests land at the top of either order: just published, with the soonest deadlines
      const inserted: string[] = [];
      for (let i = 0; i < 3; i++) {
        inserted.push(
          (
            await insertRequest(t, {
              title: `割り込み ${sort} ${i}`,
              publishedAt: at(365, i),
              applicationDeadline: new Date(Date.now() + 60_000 + i),
            })
          ).id,
        );
      }
      const rest: HelpRequestPublic[] = [];
      let cursor = first.nextCursor;
      while (cursor) {
        const page = BoardPage.parse((await get(t, {}, `/api/requests?sort=${sort}&limit=5&cursor=${cursor}`)).json());
        rest.push(...page.items);
        cursor = page.nextCursor;
      }
      const seen = [...first.items, ...rest].map((i) => i.id);
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.some((id) => inserted.includes(id))).toBe(false);
      // a fresh first page does show them
      const fresh = BoardPage.parse((await get(t, {}, `/api/requests?sort=${sort}&limit=5`)).json());
      expect(fresh.items.map((i) => i.id)).toEqual(expect.arrayContaining(inserted));
      // and they leave the board again for the next round
      for (const id of inserted) {
        await t.database.handle.db
          .update(schema.helpRequests)
          .set({ status: 'withdrawn' })
          .where(eq(schema.helpRequests.id, id));
      }
    }
  });

  it('keeps PostgreSQL’s microseconds in the cursor (rows published by the database clock)', async () => {
    // published through SQL now(): microsecond timestamps that a JS Date would round
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await insertRequest(t, { title: `マイクロ秒 ${i}` })).id);
    const db = t.database.handle.db;
    for (const id of ids) {
      await db.execute(
        sql`update help_requests set published_at = now() + interval '10 years' + random() * interval '1 millisecond' where id = ${id}`,
      );
    }
    const got = (await walk(t, 'sort=newest', 1)).map((i) => i.id);
    expect(got.slice(0, 6).sort()).toEqual([...ids].sort());
    expect(new Set(got).size).toBe(got.length);
  });

  it('limit is 1–50, default 20', async () => {
    const page = BoardPage.parse((await get(t, {}, '/api/requests')).json());
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).not.toBeNull();
    for (const bad of ['0', '51', 'x', '2.5']) {
      const res = await get(t, {}, `/api/requests?limit=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(ErrorBody.parse(res.json()).error.fields?.[0]?.field).toBe('limit');
    }
  });

  it('refuses a cursor it did not make, or one from the other sort order', async () => {
    const first = BoardPage.parse((await get(t, {}, '/api/requests?sort=newest&limit=2')).json());
    const forged = Buffer.from(JSON.stringify({ s: 'board:newest', k: "'; drop table x; --", i: 'x' })).toString(
      'base64url',
    );
    for (const url of [
      `/api/requests?sort=deadline&cursor=${first.nextCursor}`,
      '/api/requests?cursor=not-a-cursor',
      `/api/requests?cursor=${forged}`,
    ]) {
      const res = await get(t, {}, url);
      expect(res.statusCode, url).toBe(400);
      expect(ErrorBody.parse(res.json()).error.fields).toEqual([{ field: 'cursor', code: 'CURSOR_INVALID' }]);
    }
  });

  it('bad filters are 400 naming the field', async () => {
    for (const [query, field] of [
      ['municipalities=99999', 'municipalities.0'],
      ['category=cooking', 'category'],
      ['from=2031-13-01', 'from'],
      ['from=2031-03-05&to=2031-03-01', 'to'],
      ['sort=oldest', 'sort'],
      ['onlineOnly=maybe', 'onlineOnly'],
      [`q=${'あ'.repeat(101)}`, 'q'],
    ] as const) {
      const res = await get(t, {}, `/api/requests?${encodeURI(query)}`);
      expect(res.statusCode, query).toBe(400);
      expect(
        ErrorBody.parse(res.json()).error.fields?.map((f) => f.field),
        query,
      ).toContain(field);
    }
  });
});
