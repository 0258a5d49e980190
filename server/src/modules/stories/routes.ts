import {
  ApproveStoryBody,
  CreateStoryBody,
  FeatureStoryBody,
  IdParams,
  ListStoriesForReviewQuery,
  ListStoriesQuery,
  StoryConsentBody,
  StoryList,
  StoryReviewList,
  StoryView,
} from '@board/shared';
import { byId, byIdAndBody, byQuery, defineRoutes, route } from '../../routes/define-routes.ts';
import { atomFeedResponse, fileResponse, sendAtomFeed, sendFile } from '../../routes/file-answers.ts';
import { storiesFeed } from './feed.ts';
import {
  approveStory,
  createStory,
  featureStory,
  getMatchStory,
  getStory,
  getStoryPhoto,
  listStories,
  listStoriesForReview,
  setStoryConsent,
} from './service.ts';

/** A photo of up to 1 MB travels as base64 in JSON: a little over 1.3 MB of body. */
const storyBodyLimit = 1_500_000;

/** Good cases (好事例, issue 12): written by the officer, chosen by the volunteer, approved by staff. */
export default defineRoutes('stories', {
  createStory: route('POST /api/applications/:id/story', {
    summary: "Write the story of a confirmed match (the association's officer); a story sent back is written again",
    description:
      'The photo (optional) is JPEG, PNG or WebP, at most 1 MB, in base64; its type is read from its bytes and it ' +
      'needs `photoAlt`. 409 MATCH_NOT_CONFIRMED before the volunteer confirmed, STORY_EXISTS when in review or approved.',
    bodyLimit: storyBodyLimit,
    input: { params: IdParams, body: CreateStoryBody },
    response: { 201: StoryView },
    errors: [403, 409],
    handler: byIdAndBody(createStory),
  }),
  getMatchStory: route('GET /api/applications/:id/story', {
    summary: "A match's story, for its two sides and staff",
    input: { params: IdParams },
    response: { 200: StoryView },
    handler: byId(getMatchStory),
  }),
  setStoryConsent: route('POST /api/stories/:id/consent', {
    summary: "The match's volunteer chooses to be named in the story or to stay anonymous (may change later)",
    input: { params: IdParams, body: StoryConsentBody },
    response: { 200: StoryView },
    errors: [403],
    handler: (context, { params, body }) => setStoryConsent(context, params.id, body.consent),
  }),
  approveStory: route('POST /api/stories/:id/approve', {
    summary: "Approve a story, or send it back with a reason (the municipality's staff); audit-logged",
    description: 'Public once approved and the volunteer has chosen. 409 STORY_NOT_IN_REVIEW.',
    input: { params: IdParams, body: ApproveStoryBody },
    response: { 200: StoryView },
    errors: [403, 409],
    handler: byIdAndBody(approveStory),
  }),
  featureStory: route('POST /api/stories/:id/feature', {
    summary: 'Feature a public story on the home page, or take it off (foundation staff); audit-logged',
    input: { params: IdParams, body: FeatureStoryBody },
    response: { 200: StoryView },
    errors: [403, 409],
    handler: (context, { params, body }) => featureStory(context, params.id, body.featured),
  }),
  listStories: route('GET /api/stories', {
    summary: 'Public stories, newest first, by municipality and category; no sign-in needed',
    signIn: 'optional',
    input: { query: ListStoriesQuery },
    response: { 200: StoryList },
    handler: byQuery(listStories),
  }),
  getStoriesFeed: route('GET /api/stories/feed.atom', {
    summary: 'Public stories as an Atom 1.0 feed (newest 50); no sign-in needed',
    signIn: 'optional',
    response: { 200: atomFeedResponse },
    handler: async (context, _input, { reply }) => sendAtomFeed(reply, await storiesFeed(context)),
  }),
  listStoriesForReview: route('GET /api/staff/stories', {
    summary: "Stories of the staff's municipality (foundation: all), newest first, optionally in one state",
    input: { query: ListStoriesForReviewQuery },
    response: { 200: StoryReviewList },
    errors: [403],
    handler: byQuery(listStoriesForReview),
  }),
  getStory: route('GET /api/stories/:id', {
    summary: 'One story: public ones for anyone; others for their two sides and staff',
    signIn: 'optional',
    input: { params: IdParams },
    response: { 200: StoryView },
    handler: byId(getStory),
  }),
  getStoryPhoto: route('GET /api/stories/:id/photo', {
    summary: "A story's photo (JPEG, PNG or WebP), for whoever may read the story",
    signIn: 'optional',
    input: { params: IdParams },
    response: { 200: fileResponse('The photo', { 'image/jpeg': 'text', 'image/png': 'text', 'image/webp': 'text' }) },
    handler: async (context, { params }, { reply }) => {
      const photo = await getStoryPhoto(context, params.id);
      return sendFile(reply, { type: photo.type, body: photo.bytes }, 'private, max-age=300');
    },
  }),
});
