import type { Category } from '@board/shared';
import { Feed } from 'feed';
import { publicLink, webPages } from '../../links/public-links.ts';
import type { ServiceContext } from '../../services/context.ts';
import { municipalityRepository } from './repository.ts';
import { escapeHtml } from '../flyers/html.ts';

/** Entries in one municipality's feed (its newest published requests). */
export const feedSize = 50;

export const categoryNames: Record<Category, string> = {
  it_digital: 'IT・デジタル',
  design_flyers: 'デザイン・チラシ',
  photo_video: '写真・動画',
  translation: '翻訳・やさしい日本語',
  event_running: 'イベント運営',
  manual_labour: '力仕事・設営',
  disaster_prevention: '防災',
  children_learning: '子ども・学習',
  elderly_support: '高齢者の見守り・支援',
  admin_accounting: '事務・会計',
  pr_social: '広報・SNS',
  other: 'その他',
};

/** Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF). */
const notXml =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export const xmlSafe = (text: string) => text.replace(notXml, '');

/** An Atom feed of the board (Japanese, the foundation's), at `self`; `updated`: its newest entry's time, if any. */
export function boardFeed(about: {
  self: string;
  title: string;
  description: string;
  link: string;
  updated: Date | null;
}) {
  return new Feed({
    id: about.self,
    title: about.title,
    description: about.description,
    link: about.link,
    language: 'ja',
    updated: about.updated ?? new Date(0),
    generator: 'まちの腕きき掲示板',
    feedLinks: { atom: about.self },
    copyright: '公益財団法人 東京都つながり創生財団',
    author: { name: 'まちの腕きき掲示板' },
  });
}

/**
 * The `feed` library marks entry titles and summaries `type="html"` (in CDATA). Our texts are
 * plain text, so they are HTML-escaped here: a reader shows `<b>` as typed, never as markup, and
 * no `]]>` can reach the CDATA section. Line breaks become `<br />`.
 */
export function plainAsHtml(text: string): string {
  return escapeHtml(xmlSafe(text)).replace(/\r\n?|\n/g, '<br />\n');
}

/**
 * A municipality's board as an Atom 1.0 feed: its requests open for hands (published, not
 * hidden), newest first, built with the `feed` library (XML escaping of elements and
 * attributes). null: no such active municipality.
 */
export async function municipalityFeed(ctx: ServiceContext, code: string): Promise<string | null> {
  const found = await ctx.door.asActor(ctx.actor, async (tx) => {
    const municipalities = municipalityRepository(tx);
    const municipality = await municipalities.find(code);
    if (!municipality || municipality.status !== 'active') return null;
    return { municipality, rows: await municipalities.feedEntries(code, feedSize) };
  });
  if (!found) return null;
  const { municipality, rows } = found;
  const self = publicLink(ctx.config, `/api/municipalities/${code}/feed.atom`);
  const newest = rows.reduce<Date | null>((max, row) => {
    const at = row.updatedAt;
    return !max || at > max ? at : max;
  }, null);
  const feed = boardFeed({
    self,
    title: `まちの腕きき掲示板 ${municipality.nameJa}（${municipality.nameEn}）`,
    description: `${municipality.nameJa}の町会・自治会からの依頼（募集中）`,
    link: publicLink(ctx.config, webPages.board, { municipalities: code }),
    updated: newest,
  });
  for (const row of rows) {
    const link = publicLink(ctx.config, webPages.request(row.id));
    feed.addItem({
      id: `urn:uuid:${row.id}`,
      title: plainAsHtml(row.title),
      link,
      date: row.updatedAt,
      published: row.publishedAt ?? row.updatedAt,
      description: plainAsHtml(row.body),
      author: [{ name: xmlSafe(row.associationName) }],
      category: [{ name: categoryNames[row.category], term: row.category }],
    });
  }
  return feed.atom1();
}
