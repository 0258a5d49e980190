import { z } from 'zod';
import { HelpRequestPublic } from '../help-requests.ts';

/**
 * API shapes of suggestions (issue 10): `listRecommendedRequests` (requests for the signed-in
 * volunteer) and `listSuggestedVolunteers` (volunteers who agreed to be suggested, for a request's
 * officers and its municipality's staff). Reasons are keys with parameters (scoring.ts
 * `MatchReason`); the web says them in the reader's language.
 */
export const matchReasonKeys = [
  'skill',
  'category',
  'sameMunicipality',
  'neighbour',
  'online',
  'available',
  'language',
  'deadlineSoon',
  'noHandsYet',
  'fewHands',
  'pastHelps',
  'thanks',
] as const;

export const MatchReasonOut = z.object({
  key: z.enum(matchReasonKeys),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type MatchReasonOut = z.infer<typeof MatchReasonOut>;

const suggestionLimit = z.coerce.number().int().min(1).max(50).default(20);

export const RecommendedRequestsQuery = z.object({ limit: suggestionLimit });
export type RecommendedRequestsQuery = z.infer<typeof RecommendedRequestsQuery>;

export const RecommendedRequest = z.object({
  request: HelpRequestPublic,
  score: z.number(),
  reasons: z.array(MatchReasonOut),
});
export type RecommendedRequest = z.infer<typeof RecommendedRequest>;

export const RecommendedRequestsList = z.object({ items: z.array(RecommendedRequest) });
export type RecommendedRequestsList = z.infer<typeof RecommendedRequestsList>;

export const SuggestedVolunteersQuery = z.object({ limit: suggestionLimit });
export type SuggestedVolunteersQuery = z.infer<typeof SuggestedVolunteersQuery>;

/** A volunteer as a suggestion shows them: public profile facts only, never contact details. */
export const SuggestedVolunteer = z.object({
  volunteerId: z.string(),
  displayName: z.string(),
  skills: z.array(z.object({ key: z.string(), level: z.enum(['can', 'teach']) })),
  municipalityCodes: z.array(z.string()),
  languages: z.array(z.string()),
  completedHelps: z.number().int(),
  score: z.number(),
  reasons: z.array(MatchReasonOut),
});
export type SuggestedVolunteer = z.infer<typeof SuggestedVolunteer>;

export const SuggestedVolunteersList = z.object({
  items: z.array(SuggestedVolunteer),
  /** published a few days ago (`quietAfterDays`) and still no hand: the page shows suggestions first */
  quiet: z.boolean(),
});
export type SuggestedVolunteersList = z.infer<typeof SuggestedVolunteersList>;

/** After this many days published without a hand, a request is "quiet". */
export const quietAfterDays = 3;
