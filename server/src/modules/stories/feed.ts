import { publicLink } from '../../links/public-links.ts';
import type { ServiceContext } from '../../services/context.ts';
import { boardFeed, categoryNames, plainAsHtml, xmlSafe } from '../municipalities/feed.ts';
import { listStories } from './service.ts';

/** Stories in the feed (the newest public ones). */
export const storiesFeedSize = 50;

/** Public good cases (好事例) as an Atom 1.0 feed, newest first, with the `feed` library. */
export async function storiesFeed(ctx: ServiceContext): Promise<string> {
  const { items } = await listStories(ctx, { limit: storiesFeedSize });
  const self = publicLink(ctx.config, '/stories/feed.xml');
  const newest = items[0]?.publishedAt;
  const feed = boardFeed({
    self,
    title: 'まちの腕きき掲示板 好事例（Good cases）',
    description: '町会・自治会と腕ききボランティアの好事例',
    link: publicLink(ctx.config, '/stories'),
    updated: newest ? new Date(newest) : null,
  });
  for (const story of items) {
    const date = new Date(story.publishedAt!);
    feed.addItem({
      id: `urn:uuid:${story.id}`,
      title: plainAsHtml(story.title),
      link: publicLink(ctx.config, `/stories/${story.id}`),
      date,
      published: date,
      description: plainAsHtml(story.trouble),
      author: [{ name: xmlSafe(`${story.associationName}（${story.municipalityNameJa}）`) }],
      category: [{ name: categoryNames[story.category], term: story.category }],
    });
  }
  return feed.atom1();
}
