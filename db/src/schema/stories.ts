import { storyStatuses, volunteerConsents, type RubyText } from '@board/shared';
import { sql } from 'drizzle-orm';
import { customType, index, jsonb, pgEnum, pgPolicy, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, requiredLink, requiredMunicipality } from './columns.ts';
import { anyOf, isCurrentUser, isSystem, officerOf, policyFor, requestParties, requestPartiesOf } from './access.ts';
import { applications } from './applications.ts';
import { associations } from './associations.ts';
import { category, helpRequests } from './help-requests.ts';
import { municipalities } from './municipalities.ts';
import { users } from './users.ts';

export const storyStatus = pgEnum('story_status', storyStatuses);
export const volunteerConsent = pgEnum('story_volunteer_consent', volunteerConsents);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * 好事例 (issue 12): a short story an association's officer writes about a confirmed match. One per
 * match. Municipality, association, volunteer and category are copied from the match so the
 * policies check them directly. `volunteer_name` is filled only while the volunteer agrees to be
 * named. Public (`stories_public_read`) once approved and the volunteer has chosen.
 */
export const stories = pgTable(
  'stories',
  {
    id: id(),
    applicationId: requiredLink('application_id', () => applications.id),
    requestId: requiredLink('request_id', () => helpRequests.id),
    municipalityCode: requiredMunicipality(() => municipalities.code),
    associationId: requiredLink('association_id', () => associations.id),
    volunteerId: requiredLink('volunteer_id', () => users.id, { onDelete: 'cascade' }),
    authorId: requiredLink('author_id', () => users.id),
    category: category('category').notNull(),
    title: text('title').notNull(),
    trouble: text('trouble').notNull(),
    whatDone: text('what_done').notNull(),
    whatChanged: text('what_changed').notNull(),
    // readings over the kanji of each text (furigana, issue 13), made when it is written; null
    // for a text without kanji or not read yet (server/src/furigana/backfill.ts)
    titleRuby: jsonb('title_ruby').$type<RubyText>(),
    troubleRuby: jsonb('trouble_ruby').$type<RubyText>(),
    whatDoneRuby: jsonb('what_done_ruby').$type<RubyText>(),
    whatChangedRuby: jsonb('what_changed_ruby').$type<RubyText>(),
    photo: bytea('photo'),
    photoType: text('photo_type'),
    photoAlt: text('photo_alt'),
    status: storyStatus('status').notNull().default('review'),
    sentBackReason: text('sent_back_reason'),
    volunteerConsent: volunteerConsent('volunteer_consent').notNull().default('pending'),
    volunteerName: text('volunteer_name'),
    decidedBy: uuid('decided_by').references(() => users.id),
    approvedAt: at('approved_at'),
    featuredAt: at('featured_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stories_application_idx').on(t.applicationId),
    index('stories_public_idx')
      .on(t.approvedAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'approved' and ${t.volunteerConsent} <> 'pending'`),
    index('stories_municipality_idx').on(t.municipalityCode, t.status),
    pgPolicy(
      'stories_read',
      policyFor(
        'select',
        anyOf(...requestParties(t), sql`(${t.status} = 'approved' and ${t.volunteerConsent} <> 'pending')`),
      ),
    ),
    pgPolicy(
      'stories_insert',
      policyFor('insert', anyOf(isSystem, sql`(${officerOf(t.associationId)} and ${isCurrentUser(t.authorId)})`)),
    ),
    // the writer's association (writing again), the volunteer (consent), staff (decision), foundation (feature);
    // which columns each of them may change is kept by the trigger stories_guard_columns (migration
    // stories_column_guard), since a policy sees only the new row
    pgPolicy('stories_update', policyFor('update', requestPartiesOf(t))),
  ],
);
