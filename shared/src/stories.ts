import { z } from 'zod';
import { keysetPage, unlessBlank } from './query-strings.ts';
import { Category } from './categories.ts';
import { MunicipalityCode } from './municipalities.ts';
import { RubyText } from './ruby.ts';
import { multiLineText, singleLineText } from './safe-input.ts';

/**
 * Good cases (好事例, issue 12): after a confirmed match the association's officer writes a short
 * story; the volunteer chooses to be named or to stay anonymous; the municipality's staff approve
 * it (or send it back with a reason). A story is public only when it is approved AND the
 * volunteer has chosen (`isPublished`). Foundation staff may feature public stories on the home page.
 */

/** Where a story stands with the municipality's staff. */
export const storyStatuses = ['review', 'sent_back', 'approved'] as const;
export const StoryStatus = z.enum(storyStatuses);
export type StoryStatus = z.infer<typeof StoryStatus>;

/** The volunteer's choice: not yet made, named in the story, or anonymous. */
export const volunteerConsents = ['pending', 'named', 'anonymous'] as const;
export const VolunteerConsent = z.enum(volunteerConsents);
export type VolunteerConsent = z.infer<typeof VolunteerConsent>;

/** Public: approved by staff and the volunteer has chosen how they appear. */
export function isPublished(story: { status: StoryStatus; volunteerConsent: VolunteerConsent }): boolean {
  return story.status === 'approved' && story.volunteerConsent !== 'pending';
}

/** A story's photo: JPEG, PNG or WebP (checked from its bytes), at most this many bytes. */
export const storyPhotoMaxBytes = 1_000_000;
export const storyPhotoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type StoryPhotoType = (typeof storyPhotoTypes)[number];

/** POST /api/applications/:id/story: a new story, or a story sent back written again. */
export const CreateStoryBody = z
  .object({
    title: singleLineText({ max: 80, required: 'TITLE_REQUIRED' }),
    /** what the trouble was */
    trouble: multiLineText({ max: 1500, required: 'STORY_TROUBLE_REQUIRED' }),
    /** what the volunteer did */
    whatDone: multiLineText({ max: 1500, required: 'STORY_WHAT_DONE_REQUIRED' }),
    /** what changed */
    whatChanged: multiLineText({ max: 1500, required: 'STORY_WHAT_CHANGED_REQUIRED' }),
    /** the photo's bytes in base64; its type is read from the bytes */
    photo: unlessBlank(
      z.base64({ error: 'PHOTO_INVALID' }).max(Math.ceil(storyPhotoMaxBytes / 3) * 4 + 4, 'PHOTO_TOO_LARGE'),
    ),
    /** what the photo shows, for people who cannot see it (required with a photo) */
    photoAlt: unlessBlank(singleLineText({ max: 200 })),
    /** written again without a photo: keep the one sent before (default) or drop it */
    removePhoto: z.boolean().default(false),
  })
  .superRefine((body, ctx) => {
    if (body.photo && !body.photoAlt)
      ctx.addIssue({ code: 'custom', message: 'PHOTO_ALT_REQUIRED', path: ['photoAlt'] });
  });
export type CreateStoryBody = z.infer<typeof CreateStoryBody>;

/** POST /api/stories/:id/consent (the match's volunteer) */
export const StoryConsentBody = z.object({
  consent: z.enum(['named', 'anonymous'], { error: 'STORY_CONSENT_REQUIRED' }),
});
export type StoryConsentBody = z.infer<typeof StoryConsentBody>;

/** POST /api/stories/:id/approve (the municipality's staff): approve, or send back with a reason. */
export const ApproveStoryBody = z
  .object({
    decision: z.enum(['approve', 'send_back'], { error: 'STORY_DECISION_REQUIRED' }),
    reason: unlessBlank(multiLineText({ max: 1000 })),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'send_back' && !body.reason) {
      ctx.addIssue({ code: 'custom', message: 'REASON_REQUIRED', path: ['reason'] });
    }
  });
export type ApproveStoryBody = z.infer<typeof ApproveStoryBody>;

/** POST /api/stories/:id/feature (foundation staff) */
export const FeatureStoryBody = z.object({ featured: z.boolean() });
export type FeatureStoryBody = z.infer<typeof FeatureStoryBody>;

/** GET /api/stories: public stories, newest published first; filters from a GET form. */
export const ListStoriesQuery = z.object({
  municipalityCode: unlessBlank(MunicipalityCode),
  category: unlessBlank(Category),
  /** only stories featured on the home page */
  featured: unlessBlank(z.enum(['true'])),
  cursor: unlessBlank(z.string().max(400)),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListStoriesQuery = z.infer<typeof ListStoriesQuery>;

/** A story as the public sees it in a list. */
export const StorySummary = z.object({
  id: z.string(),
  title: z.string(),
  trouble: z.string(),
  /** readings over the kanji (furigana), made when written; null without kanji */
  titleRuby: RubyText.nullable(),
  troubleRuby: RubyText.nullable(),
  category: Category,
  municipalityCode: z.string(),
  municipalityNameJa: z.string(),
  municipalityNameEn: z.string(),
  municipalityNameKana: z.string(),
  associationName: z.string(),
  /** the volunteer's name, only when they agreed to be named */
  volunteerName: z.string().nullable(),
  hasPhoto: z.boolean(),
  photoAlt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  featured: z.boolean(),
});
export type StorySummary = z.infer<typeof StorySummary>;

export const StoryList = keysetPage(StorySummary);
export type StoryList = z.infer<typeof StoryList>;

/** A whole story; the state fields matter to its writer, its volunteer and staff. */
export const StoryView = StorySummary.extend({
  applicationId: z.string(),
  whatDone: z.string(),
  whatChanged: z.string(),
  whatDoneRuby: RubyText.nullable(),
  whatChangedRuby: RubyText.nullable(),
  status: StoryStatus,
  volunteerConsent: VolunteerConsent,
  /** why staff sent it back (only for the two sides and staff) */
  sentBackReason: z.string().nullable(),
  published: z.boolean(),
  createdAt: z.string(),
});
export type StoryView = z.infer<typeof StoryView>;

/** GET /api/staff/stories: stories of the staff's municipality (foundation: all) by state. */
export const ListStoriesForReviewQuery = z.object({
  status: unlessBlank(StoryStatus),
});
export type ListStoriesForReviewQuery = z.infer<typeof ListStoriesForReviewQuery>;

export const StoryReviewList = z.object({ items: z.array(StoryView) });
export type StoryReviewList = z.infer<typeof StoryReviewList>;
