import {
  can,
  DomainError,
  isPublished,
  municipalityScope,
  storyPhotoMaxBytes,
  type Actor,
  type ApproveStoryBody,
  type CreateStoryBody,
  type ListStoriesForReviewQuery,
  type ListStoriesQuery,
  type StoryList,
  type StoryPhotoType,
  type StoryReviewList,
  type StorySummary,
  type StoryView,
} from '@board/shared';
import type { Database } from '@board/db';
import { publicLink, webPages } from '../../links/public-links.ts';
import { storyConsentMail } from '../../mail/notification-mails.ts';
import type { ServiceContext, SignedInContext } from '../../services/context.ts';
import { applicationRepository } from '../applications/repository.ts';
import { recordAudit } from '../audit/record.ts';
import { decodeCursor, pageOf } from '../help-requests/views.ts';
import { notify } from '../notifications/notify.ts';
import { recipientRepository } from '../notifications/recipients.ts';
import { storyRepository, type StoryRow } from './repository.ts';
import { withoutMetadata } from './photo-metadata.ts';
import { storyReadings } from './readings.ts';
import { authorize } from '../../services/authorize.ts';
import { iso } from '../../services/iso.ts';

const listing = 'stories';

function summary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    title: row.title,
    trouble: row.trouble,
    titleRuby: row.titleRuby,
    troubleRuby: row.troubleRuby,
    category: row.category,
    municipalityCode: row.municipalityCode,
    municipalityNameJa: row.municipalityNameJa,
    municipalityNameEn: row.municipalityNameEn,
    municipalityNameKana: row.municipalityNameKana,
    associationName: row.associationName,
    // the name is stored only while the volunteer agrees; the check here is the second lock
    volunteerName: row.volunteerConsent === 'named' ? row.volunteerName : null,
    hasPhoto: row.hasPhoto,
    photoAlt: row.hasPhoto ? row.photoAlt : null,
    publishedAt: isPublished(row) ? iso(row.approvedAt) : null,
    featured: row.featuredAt !== null,
  };
}

/** The story's two sides and its overseers: they see its state and why it was sent back. */
function isParty(actor: Actor | null, row: StoryRow): boolean {
  return (
    actor !== null &&
    (actor.userId === row.volunteerId ||
      can(actor, 'story.create', { associationId: row.associationId }) ||
      can(actor, 'story.review', { municipalityCode: row.municipalityCode }))
  );
}

function view(row: StoryRow, actor: Actor | null): StoryView {
  return {
    ...summary(row),
    applicationId: row.applicationId,
    whatDone: row.whatDone,
    whatChanged: row.whatChanged,
    whatDoneRuby: row.whatDoneRuby,
    whatChangedRuby: row.whatChangedRuby,
    status: row.status,
    volunteerConsent: row.volunteerConsent,
    sentBackReason: isParty(actor, row) ? row.sentBackReason : null,
    published: isPublished(row),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The type a photo's bytes say it is (never what the upload claims), or null. */
export function photoTypeOf(bytes: Buffer): StoryPhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  return null;
}

/** The upload checked (size, type from its bytes) and stripped of its metadata (photo-metadata.ts). */
async function checkedPhoto(body: CreateStoryBody) {
  if (!body.photo) return body.removePhoto ? null : undefined;
  const bytes = Buffer.from(body.photo, 'base64');
  const invalid = (code: string) =>
    new DomainError('VALIDATION_FAILED', 'The photo cannot be used.', [{ field: 'photo', code }]);
  if (bytes.length > storyPhotoMaxBytes) throw invalid('PHOTO_TOO_LARGE');
  const type = photoTypeOf(bytes);
  if (!type) throw invalid('PHOTO_TYPE_INVALID');
  return { bytes: await withoutMetadata(bytes), type, alt: body.photoAlt ?? '' };
}

/** The volunteer hears that a story about their help waits for their choice (named or not): in-app and by mail. */
async function askVolunteerToChoose(ctx: SignedInContext, tx: Database, story: StoryRow, requestId: string) {
  const to = await recipientRepository(tx).people([story.volunteerId]);
  const link = webPages.matchStory(story.applicationId);
  const vars = { title: story.title, associationName: story.associationName, link: publicLink(ctx.config, link) };
  const mail = { template: storyConsentMail, vars, municipalityCode: story.municipalityCode };
  const ids = { requestId, applicationId: story.applicationId };
  await notify(ctx, { kind: 'storyConsent', to, ...ids, params: { requestTitle: story.title }, link, mail }, tx);
}

/**
 * The association's officer writes a story about a match its volunteer confirmed; a story sent
 * back is written again the same way and goes back to review.
 */
export async function createStory(
  ctx: SignedInContext,
  applicationId: string,
  body: CreateStoryBody,
): Promise<StoryView> {
  const { actor } = ctx;
  const photo = await checkedPhoto(body);
  // readings before the transaction: the dictionary's work holds no connection
  const readings = await storyReadings(body);
  return ctx.door.asActor(actor, async (tx) => {
    const stories = storyRepository(tx);
    const match = await stories.match(applicationId);
    if (!match) throw new DomainError('NOT_FOUND', 'No such match.');
    authorize(actor, 'story.create', "Only the match's association's officers write its story.", {
      associationId: match.associationId,
    });
    if (match.status !== 'accepted' || !match.confirmedAt) {
      throw new DomainError('MATCH_NOT_CONFIRMED', 'A story is written once the volunteer has confirmed the match.');
    }
    const text = {
      title: body.title,
      trouble: body.trouble,
      whatDone: body.whatDone,
      whatChanged: body.whatChanged,
      ...readings,
    };
    const existing = await stories.findByApplication(applicationId);
    if (existing) {
      if (!(await stories.rewrite(existing.id, actor.userId, { ...text, ...(photo !== undefined && { photo }) }))) {
        throw new DomainError('STORY_EXISTS', 'This match already has a story.');
      }
      return view((await stories.find(existing.id))!, actor);
    }
    const id = await stories.insert(match, actor.userId, { ...text, photo: photo ?? null });
    if (!id) throw new DomainError('STORY_EXISTS', 'This match already has a story.');
    const story = (await stories.find(id))!;
    await askVolunteerToChoose(ctx, tx, story, match.requestId);
    return view(story, actor);
  });
}

type StoryRepository = ReturnType<typeof storyRepository>;

/** A story the actor may see: a public one, or one they are a party to (`isParty`); else 404. */
async function visibleStory(stories: StoryRepository, actor: Actor | null, id: string): Promise<StoryRow> {
  const row = await stories.find(id);
  if (!row || !(isPublished(row) || isParty(actor, row))) throw new DomainError('NOT_FOUND', 'No such story.');
  return row;
}

/**
 * One change to a story, in a transaction as the actor: `change` finds and checks it, writes, and
 * records what it did; the answer is the story read again, as the actor sees it.
 */
async function changeStory(
  ctx: SignedInContext,
  id: string,
  change: (tx: Database, stories: StoryRepository) => Promise<void>,
): Promise<StoryView> {
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const stories = storyRepository(tx);
    await change(tx, stories);
    return view((await stories.find(id))!, ctx.actor);
  });
}

/** The story of a match, for its two sides and staff (404 when there is none yet). */
export async function getMatchStory(ctx: SignedInContext, applicationId: string): Promise<StoryView> {
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const row = await storyRepository(tx).findByApplication(applicationId);
    if (!row || !isParty(ctx.actor, row)) throw new DomainError('NOT_FOUND', 'This match has no story.');
    return view(row, ctx.actor);
  });
}

/** A public story for anyone; one not yet public for its two sides and staff only. */
export async function getStory(ctx: ServiceContext, id: string): Promise<StoryView> {
  return ctx.door.asActor(ctx.actor, async (tx) =>
    view(await visibleStory(storyRepository(tx), ctx.actor, id), ctx.actor),
  );
}

export async function getStoryPhoto(ctx: ServiceContext, id: string): Promise<{ bytes: Buffer; type: string }> {
  await getStory(ctx, id);
  const photo = await ctx.door.asActor(ctx.actor, (tx) => storyRepository(tx).photo(id));
  if (!photo) throw new DomainError('NOT_FOUND', 'This story has no photo.');
  return photo;
}

/** The match's volunteer chooses: named in the story, or anonymous. They may change their mind. */
export async function setStoryConsent(
  ctx: SignedInContext,
  id: string,
  consent: 'named' | 'anonymous',
): Promise<StoryView> {
  const { actor } = ctx;
  return changeStory(ctx, id, async (tx, stories) => {
    const row = await visibleStory(stories, actor, id);
    authorize(actor, 'story.consent', "Only the match's volunteer chooses how they appear.", {
      ownerId: row.volunteerId,
    });
    const person = await applicationRepository(tx).person(actor.userId);
    await stories.setConsent(id, consent, person?.displayName ?? null);
  });
}

/** The municipality's staff approve a story in review, or send it back with a reason; audit-logged. */
export async function approveStory(ctx: SignedInContext, id: string, body: ApproveStoryBody): Promise<StoryView> {
  const { actor } = ctx;
  return changeStory(ctx, id, async (tx, stories) => {
    const row = await visibleStory(stories, actor, id);
    authorize(actor, 'story.approve', "Only the municipality's staff approve its stories.", {
      municipalityCode: row.municipalityCode,
    });
    const to = body.decision === 'approve' ? 'approved' : 'sent_back';
    const reason = to === 'sent_back' ? (body.reason ?? null) : null;
    if (!(await stories.decide(id, actor.userId, to, reason))) {
      throw new DomainError('STORY_NOT_IN_REVIEW', 'This story is not waiting for review.');
    }
    const base = { title: row.title, applicationId: row.applicationId };
    const event = {
      actorId: actor.userId,
      municipalityCode: row.municipalityCode,
      subjectType: 'story',
      subjectId: id,
    } as const;
    if (to === 'approved') await recordAudit(tx, { ...event, action: 'story.approve', details: base });
    else await recordAudit(tx, { ...event, action: 'story.send_back', details: { ...base, reason: reason ?? '' } });
  });
}

/** Foundation staff feature a public story on the home page (or take it off); audit-logged. */
export async function featureStory(ctx: SignedInContext, id: string, featured: boolean): Promise<StoryView> {
  const { actor } = ctx;
  return changeStory(ctx, id, async (tx, stories) => {
    const row = await stories.find(id);
    if (!row) throw new DomainError('NOT_FOUND', 'No such story.');
    authorize(actor, 'story.feature', 'Only foundation staff feature stories.');
    if (!isPublished(row)) throw new DomainError('STORY_NOT_PUBLISHED', 'Only a public story can be featured.');
    await stories.setFeatured(id, featured);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'story.feature',
      municipalityCode: row.municipalityCode,
      subjectType: 'story',
      subjectId: id,
      details: { title: row.title, featured },
    });
  });
}

/** Public stories, newest first, by municipality and category. */
export async function listStories(ctx: ServiceContext, query: ListStoriesQuery): Promise<StoryList> {
  const after = decodeCursor(listing, query.cursor);
  const rows = await ctx.door.asActor(ctx.actor, (tx) =>
    storyRepository(tx).listPublished({
      municipalityCode: query.municipalityCode,
      category: query.category,
      featured: query.featured === 'true',
      after,
      limit: query.limit,
    }),
  );
  return pageOf(rows, query.limit, listing, summary);
}

/** Stories of the staff's municipality in every state (foundation: all), newest first. */
export async function listStoriesForReview(
  ctx: SignedInContext,
  query: ListStoriesForReviewQuery,
): Promise<StoryReviewList> {
  const scope = municipalityScope(ctx.actor, 'story.review');
  if (!scope) throw new DomainError('FORBIDDEN', 'Only staff review stories.');
  const rows = await ctx.door.asActor(ctx.actor, (tx) =>
    storyRepository(tx).listForReview(scope === 'any' ? null : scope, query.status),
  );
  return { items: rows.map((row) => view(row, ctx.actor)) };
}
