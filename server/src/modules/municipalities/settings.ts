import { schema, type Database } from '@board/db';
import {
  can,
  categoryKeys,
  DomainError,
  type Actor,
  type Category,
  type MunicipalitySettingsView,
  type UpdateMunicipalitySettingsBody,
} from '@board/shared';
import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/record.ts';

const { municipalities } = schema;

type Access = Pick<FastifyRequest, 'withAccess'>;

async function settingsRow(tx: Database, code: string) {
  const [row] = await tx
    .select({
      code: municipalities.code,
      moderationRequired: municipalities.moderationRequired,
      settings: municipalities.settings,
    })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return row ?? null;
}

function view(row: NonNullable<Awaited<ReturnType<typeof settingsRow>>>): MunicipalitySettingsView {
  const enabled = row.settings.enabledCategories;
  return {
    code: row.code,
    moderationRequired: row.moderationRequired,
    // stored empty (never narrowed) means every category; keep the starting order either way
    enabledCategories:
      enabled && enabled.length > 0 ? categoryKeys.filter((c) => enabled.includes(c)) : [...categoryKeys],
    contactDesk: row.settings.contactDesk ?? '',
  };
}

/** A municipality's request settings: public (officers' forms need the categories; the desk is public). */
export async function getMunicipalitySettings(access: Access, code: string): Promise<MunicipalitySettingsView> {
  const row = await access.withAccess((tx) => settingsRow(tx, code));
  if (!row) throw new DomainError('NOT_FOUND', 'No such municipality.');
  return view(row);
}

/** Staff of the municipality: moderation on or off, the categories officers may use, the contact desk. */
export async function updateMunicipalitySettings(
  actor: Actor,
  access: Access,
  code: string,
  input: UpdateMunicipalitySettingsBody,
): Promise<MunicipalitySettingsView> {
  if (!can(actor, 'municipality.updateSettings', { municipalityCode: code })) {
    throw new DomainError('FORBIDDEN', "Only this municipality's staff change its settings.");
  }
  return access.withAccess(async (tx) => {
    const before = await settingsRow(tx, code);
    if (!before) throw new DomainError('NOT_FOUND', 'No such municipality.');
    const settings = { ...before.settings };
    if (input.enabledCategories !== undefined) {
      const chosen = new Set<Category>(input.enabledCategories);
      settings.enabledCategories = categoryKeys.filter((c) => chosen.has(c));
    }
    if (input.contactDesk !== undefined) settings.contactDesk = input.contactDesk;
    const [after] = await tx
      .update(municipalities)
      .set({
        settings,
        ...(input.moderationRequired !== undefined ? { moderationRequired: input.moderationRequired } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(municipalities.code, code))
      .returning({
        code: municipalities.code,
        moderationRequired: municipalities.moderationRequired,
        settings: municipalities.settings,
      });
    const was = view(before);
    const now = view(after!);
    const changes = Object.fromEntries(
      (['moderationRequired', 'enabledCategories', 'contactDesk'] as const)
        .filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]))
        .map((key) => [key, { from: was[key], to: now[key] }]),
    );
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'municipality.update_settings',
        municipalityCode: code,
        subjectType: 'municipality',
        subjectId: code,
        details: changes,
      });
    }
    return now;
  });
}
