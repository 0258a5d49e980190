import { applicationOrigins, applicationStatuses, type RubyText } from '@board/shared';
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgPolicy,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, requiredLink, requiredMunicipality } from './columns.ts';
import {
  anyOf,
  byMatchSide,
  isCurrentUser,
  isFoundation,
  isSystem,
  officerOf,
  policyFor,
  requestPartiesOf,
  staffOf,
} from './access.ts';
import { associations } from './associations.ts';
import { municipalities } from './municipalities.ts';
import { helpRequests } from './help-requests.ts';
import { users } from './users.ts';

export const applicationStatus = pgEnum('application_status', applicationStatuses);

/** How a match began (issue 10): found on the board, from a suggestion card, or by an invitation to help. */
export const applicationOrigin = pgEnum('application_origin', applicationOrigins);

/**
 * 手を挙げる: a volunteer's application to a request. Accepted = a match. Municipality and
 * association are copied from the request so row-level security can check them directly.
 */
export const applications = pgTable(
  'applications',
  {
    id: id(),
    requestId: requiredLink('request_id', () => helpRequests.id),
    volunteerId: requiredLink('volunteer_id', () => users.id),
    municipalityCode: requiredMunicipality(() => municipalities.code),
    associationId: requiredLink('association_id', () => associations.id),
    message: text('message').notNull(),
    status: applicationStatus('status').notNull().default('pending'),
    decisionNote: text('decision_note'),
    decidedAt: at('decided_at'),
    withdrawnAt: at('withdrawn_at'),
    /** the officer marked the work done */
    completedAt: at('completed_at'),
    /** the volunteer confirmed it */
    confirmedAt: at('confirmed_at'),
    /** first time the volunteer was shown the association's contact (audited once as contact.reveal) */
    contactShownToVolunteerAt: at('contact_shown_to_volunteer_at'),
    /** first time an officer was shown the volunteer's contact (audited once as contact.reveal) */
    contactShownToAssociationAt: at('contact_shown_to_association_at'),
    createdAt: createdAt(),
    origin: applicationOrigin('origin').notNull().default('board'),
  },
  (t) => [
    // one live application per volunteer and request (a double click makes one)
    uniqueIndex('applications_one_live_idx')
      .on(t.requestId, t.volunteerId)
      .where(sql`${t.status} in ('pending', 'accepted')`),
    index('applications_request_idx').on(t.requestId, t.status),
    index('applications_volunteer_idx').on(t.volunteerId, t.createdAt),
    // the hands raised in the months a figures refresh recomputes (issue 12)
    index('applications_created_idx').on(t.createdAt),
    // a volunteer's matches, done or under way, read from the index alone: the record beside each
    // suggested volunteer (issue 10; docs/benchmarks.md, Suggestions)
    index('applications_volunteer_matches_idx')
      .on(t.volunteerId, t.requestId, t.confirmedAt)
      .where(sql`${t.status} = 'accepted'`),
    // the match review (issue 12): a municipality's matches (or all), newest match first
    index('applications_matches_idx')
      .on(t.municipalityCode, t.decidedAt.desc(), t.id.desc())
      .where(sql`${t.decidedAt} is not null`),
    index('applications_matches_all_idx')
      .on(t.decidedAt.desc(), t.id.desc())
      .where(sql`${t.decidedAt} is not null`),
    pgPolicy('applications_read', policyFor('select', requestPartiesOf(t))),
    pgPolicy('applications_insert', policyFor('insert', anyOf(isSystem, isCurrentUser(t.volunteerId)))),
    pgPolicy(
      'applications_update',
      policyFor(
        'update',
        anyOf(isSystem, staffOf(t.municipalityCode), officerOf(t.associationId), isCurrentUser(t.volunteerId)),
      ),
    ),
  ],
);

/**
 * The match a row of its thread, thanks or ratings belongs to, with the match's municipality,
 * association and volunteer copied so the policies check them directly (byMatchSide).
 */
const ofMatch = () => ({
  id: id(),
  applicationId: requiredLink('application_id', () => applications.id),
  municipalityCode: text('municipality_code').notNull(),
  associationId: uuid('association_id').notNull(),
  volunteerId: uuid('volunteer_id').notNull(),
});

/** The private thread of a match: plain text between the volunteer and the association's officers. */
export const messages = pgTable(
  'messages',
  {
    ...ofMatch(),
    senderId: uuid('sender_id').references(() => users.id),
    body: text('body').notNull(),
    /** readings over the body's kanji, made when it was sent (furigana, issue 13); null: no kanji */
    bodyRuby: jsonb('body_ruby').$type<RubyText>(),
    hiddenAt: at('hidden_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_thread_idx').on(t.applicationId, t.createdAt),
    pgPolicy(
      'messages_read',
      policyFor(
        'select',
        anyOf(isSystem, staffOf(t.municipalityCode), officerOf(t.associationId), isCurrentUser(t.volunteerId)),
      ),
    ),
    pgPolicy('messages_insert', policyFor('insert', anyOf(isSystem, byMatchSide(t.senderId, t)))),
    pgPolicy('messages_update', policyFor('update', anyOf(isSystem, staffOf(t.municipalityCode)))),
  ],
);

/** A thank-you note after a match (shown on the volunteer's profile if they allow). */
export const thanks = pgTable(
  'thanks',
  {
    ...ofMatch(),
    fromUserId: uuid('from_user_id').references(() => users.id),
    /** true when written by the association to the volunteer */
    toVolunteer: boolean('to_volunteer').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('thanks_one_per_side_idx').on(t.applicationId, t.toVolunteer),
    index('thanks_volunteer_idx').on(t.volunteerId),
    // thanks are meant to be read; the profile page decides whether to show them (showThanks)
    pgPolicy('thanks_read', policyFor('select', sql`true`)),
    pgPolicy('thanks_insert', policyFor('insert', anyOf(isSystem, byMatchSide(t.fromUserId, t)))),
  ],
);

/** A private 1–5 rating with a comment, read only by staff. */
export const ratings = pgTable(
  'ratings',
  {
    ...ofMatch(),
    raterId: uuid('rater_id').references(() => users.id),
    toVolunteer: boolean('to_volunteer').notNull(),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ratings_one_per_side_idx').on(t.applicationId, t.toVolunteer),
    check('ratings_score_range', sql`${t.score} between 1 and 5`),
    pgPolicy('ratings_read', policyFor('select', anyOf(isSystem, isFoundation, staffOf(t.municipalityCode)))),
    pgPolicy('ratings_insert', policyFor('insert', anyOf(isSystem, byMatchSide(t.raterId, t)))),
  ],
);
