import { schema } from '@board/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { atomFeed, get, insertRequest, useApiApp } from '../kit/index.ts';

const t = useApiApp();
let hostile: string;
const hostileTitle = '<script>alert(1)</script> & "引用" ]]>';
const hostileBody = '一行目 ]]> と ]]> <b>太字?</b>\n二行目 & https://example.jp/?a=1&b=2\u0001';
beforeAll(async () => {
  // the API refuses control characters; one written past it must still not break the feed
  hostile = (await insertRequest(t, { status: 'published', title: hostileTitle, body: hostileBody })).id;
});

async function feedOf(code: string) {
  return get(t, {}, `/api/municipalities/${code}/feed.atom`);
}

describe('the Atom feed of a municipality', () => {
  it('is well-formed Atom 1.0 with exactly the published requests of that municipality', async () => {
    const res = await feedOf('13121');
    const feed = atomFeed(res);
    expect(feed.title).toContain('足立区');
    expect(feed.id).toBe('http://localhost:0/api/municipalities/13121/feed.atom');
    expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const rows = await t.database.handle.db.select().from(schema.helpRequests);
    const expected = rows
      .filter((r) => r.municipalityCode === '13121' && r.status === 'published' && r.hiddenAt === null)
      .map((r) => `urn:uuid:${r.id}`)
      .sort();
    const entries = feed.entry as {
      id: string;
      title: string;
      link: { '@href': string }[];
      updated: string;
      summary: string;
    }[];
    expect(entries.map((e) => e.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(1);
    for (const entry of entries) {
      expect(entry.link[0]!['@href']).toBe(`http://localhost:0/requests/${entry.id.slice('urn:uuid:'.length)}`);
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    // never the exact place
    expect(res.body).not.toContain('秘密の集合場所');
  });

  it('carries plain text safely: markup and CDATA ends as typed, never as markup', async () => {
    const feed = atomFeed(await feedOf('13121'));
    const entry = (feed.entry as { id: string; title: unknown; summary: unknown }[]).find(
      (e) => e.id === `urn:uuid:${hostile}`,
    )!;
    const text = (node: unknown) =>
      typeof node === 'object' && node ? (node as Record<string, string>)['#text'] : node;
    // the entry is declared type="html": its HTML is the escaped plain text
    expect(text(entry.title)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引用&quot; ]]&gt;');
    expect(text(entry.summary)).toBe(
      '一行目 ]]&gt; と ]]&gt; &lt;b&gt;太字?&lt;/b&gt;<br />\n二行目 &amp; https://example.jp/?a=1&amp;b=2',
    );
  });

  it('leaves out drafts, hidden requests and other municipalities', async () => {
    const draft = (await insertRequest(t, { status: 'draft', title: 'フィード下書き' })).id;
    const hidden = (await insertRequest(t, { status: 'published', title: 'フィード非表示', hiddenAt: new Date() })).id;
    const shinjuku = (await insertRequest(t, { status: 'published', municipalityCode: '13104', title: 'フィード新宿' }))
      .id;
    const body = (await feedOf('13121')).body;
    for (const id of [draft, hidden, shinjuku]) expect(body).not.toContain(id);
    expect((await feedOf('13104')).body).toContain(shinjuku);
  });

  it('404 for a municipality that is not active or does not exist; 400 for a bad code', async () => {
    expect((await feedOf('13421')).statusCode).toBe(404);
    expect((await feedOf('13999')).statusCode).toBe(404);
    expect((await feedOf('abc')).statusCode).toBe(400);
  });

  it('an active municipality with nothing published is still a valid feed', async () => {
    expect(atomFeed(await feedOf('13201')).entry).toBeUndefined();
  });
});
