import type { CreateStoryBody } from '@board/shared';
import { bearer, type TestApp } from '../kit/index.ts';
import { insertMatch } from '../oversight/scene.ts';

/** A match in 13121 (千住一丁目町会) or 13104 (大久保二丁目町会), confirmed unless said, with its volunteer signed in. */
export async function storyMatch(
  t: TestApp,
  options: { municipalityCode?: '13121' | '13104'; confirmed?: boolean; volunteerName?: string } = {},
) {
  const matchedAt = new Date(Date.UTC(2025, 4, 1));
  const match = await insertMatch(t, {
    request: { municipalityCode: options.municipalityCode ?? '13121', category: 'it_digital' },
    matchedAt,
    doneAt: new Date(matchedAt.getTime() + 86_400_000),
    confirmedAt: options.confirmed === false ? null : new Date(matchedAt.getTime() + 2 * 86_400_000),
    volunteerName: options.volunteerName ?? '山田 花子',
  });
  return { ...match, volunteer: await bearer(t, match.volunteerId) };
}

/** A story as an officer would write it. */
export function storyBody(overrides: Partial<CreateStoryBody> = {}): Partial<CreateStoryBody> {
  return {
    title: '町会のホームページができた',
    trouble: '行事の案内が紙の回覧板だけで、若い世帯に届かなかった。',
    whatDone: '無料のサービスでホームページを作り、更新の仕方を役員に教えてくれた。',
    whatChanged: '夏祭りに若い家族が増えた。',
    ...overrides,
  };
}

/** The smallest valid PNG (1×1), in base64. */
export const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
