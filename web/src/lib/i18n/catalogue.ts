import accountEn from './messages/account/en.json';
import accountJaEasy from './messages/account/ja-easy.json';
import accountJa from './messages/account/ja.json';
import authEn from './messages/auth/en.json';
import authJaEasy from './messages/auth/ja-easy.json';
import authJa from './messages/auth/ja.json';
import commonEn from './messages/common/en.json';
import commonJaEasy from './messages/common/ja-easy.json';
import commonJa from './messages/common/ja.json';
import errorsEn from './messages/errors/en.json';
import errorsJaEasy from './messages/errors/ja-easy.json';
import errorsJa from './messages/errors/ja.json';
import staffEn from './messages/staff/en.json';
import staffJaEasy from './messages/staff/ja-easy.json';
import staffJa from './messages/staff/ja.json';
import boardEn from './messages/board/en.json';
import boardJaEasy from './messages/board/ja-easy.json';
import boardJa from './messages/board/ja.json';
import associationEn from './messages/association/en.json';
import associationJaEasy from './messages/association/ja-easy.json';
import associationJa from './messages/association/ja.json';
import moderationEn from './messages/moderation/en.json';
import moderationJaEasy from './messages/moderation/ja-easy.json';
import moderationJa from './messages/moderation/ja.json';
import statusEn from './messages/status/en.json';
import statusJaEasy from './messages/status/ja-easy.json';
import statusJa from './messages/status/ja.json';
import languagesEn from './messages/languages/en.json';
import languagesJaEasy from './messages/languages/ja-easy.json';
import languagesJa from './messages/languages/ja.json';
import oversightEn from './messages/oversight/en.json';
import oversightJaEasy from './messages/oversight/ja-easy.json';
import oversightJa from './messages/oversight/ja.json';
import townsEn from './messages/towns/en.json';
import townsJaEasy from './messages/towns/ja-easy.json';
import townsJa from './messages/towns/ja.json';
import matchingEn from './messages/matching/en.json';
import matchingJaEasy from './messages/matching/ja-easy.json';
import matchingJa from './messages/matching/ja.json';
import inviteEn from './messages/invite/en.json';
import inviteJaEasy from './messages/invite/ja-easy.json';
import inviteJa from './messages/invite/ja.json';
import noticesEn from './messages/notices/en.json';
import noticesJaEasy from './messages/notices/ja-easy.json';
import noticesJa from './messages/notices/ja.json';
import figuresEn from './messages/figures/en.json';
import figuresJaEasy from './messages/figures/ja-easy.json';
import figuresJa from './messages/figures/ja.json';
import storiesEn from './messages/stories/en.json';
import storiesJaEasy from './messages/stories/ja-easy.json';
import storiesJa from './messages/stories/ja.json';
import type { Lang } from './languages.ts';
import { skillMessages } from './skill-messages.ts';

const skillsJa = skillMessages('ja');
const skillsEn = skillMessages('en');
const skillsJaEasy = skillMessages('ja-easy');

/**
 * Messages live in one folder per area of the product (`messages/<area>/<lang>.json`), so
 * people working on different screens do not edit the same file. Keys are prefixed by area.
 */
export const areas = {
  common: { ja: commonJa, en: commonEn, 'ja-easy': commonJaEasy },
  auth: { ja: authJa, en: authEn, 'ja-easy': authJaEasy },
  account: { ja: accountJa, en: accountEn, 'ja-easy': accountJaEasy },
  staff: { ja: staffJa, en: staffEn, 'ja-easy': staffJaEasy },
  errors: { ja: errorsJa, en: errorsEn, 'ja-easy': errorsJaEasy },
  board: { ja: boardJa, en: boardEn, 'ja-easy': boardJaEasy },
  association: { ja: associationJa, en: associationEn, 'ja-easy': associationJaEasy },
  moderation: { ja: moderationJa, en: moderationEn, 'ja-easy': moderationJaEasy },
  status: { ja: statusJa, en: statusEn, 'ja-easy': statusJaEasy },
  languages: { ja: languagesJa, en: languagesEn, 'ja-easy': languagesJaEasy },
  oversight: { ja: oversightJa, en: oversightEn, 'ja-easy': oversightJaEasy },
  towns: { ja: townsJa, en: townsEn, 'ja-easy': townsJaEasy },
  matching: { ja: matchingJa, en: matchingEn, 'ja-easy': matchingJaEasy },
  invite: { ja: inviteJa, en: inviteEn, 'ja-easy': inviteJaEasy },
  notices: { ja: noticesJa, en: noticesEn, 'ja-easy': noticesJaEasy },
  figures: { ja: figuresJa, en: figuresEn, 'ja-easy': figuresJaEasy },
  stories: { ja: storiesJa, en: storiesEn, 'ja-easy': storiesJaEasy },
  // generated: the skills vocabulary's names (skill-messages.ts)
  skills: { ja: skillsJa, en: skillsEn, 'ja-easy': skillsJaEasy },
} as const;

const ja = {
  ...commonJa,
  ...errorsJa,
  ...authJa,
  ...accountJa,
  ...staffJa,
  ...boardJa,
  ...associationJa,
  ...moderationJa,
  ...statusJa,
  ...languagesJa,
  ...oversightJa,
  ...townsJa,
  ...matchingJa,
  ...inviteJa,
  ...noticesJa,
  ...figuresJa,
  ...storiesJa,
  ...skillsJa,
};

/** Message keys: Japanese is the source language, so its files define the set. */
export type MessageKey = keyof typeof ja;
export type Messages = Readonly<Record<MessageKey, string>>;

// `satisfies` makes the type checker reject a translation that lacks a key;
// messages.test.ts also rejects extra keys and mismatched placeholders.
const catalogues = {
  ja,
  en: {
    ...commonEn,
    ...errorsEn,
    ...authEn,
    ...accountEn,
    ...staffEn,
    ...boardEn,
    ...associationEn,
    ...moderationEn,
    ...statusEn,
    ...languagesEn,
    ...oversightEn,
    ...townsEn,
    ...matchingEn,
    ...inviteEn,
    ...noticesEn,
    ...figuresEn,
    ...storiesEn,
    ...skillsEn,
  } satisfies Messages,
  'ja-easy': {
    ...commonJaEasy,
    ...errorsJaEasy,
    ...authJaEasy,
    ...accountJaEasy,
    ...staffJaEasy,
    ...boardJaEasy,
    ...associationJaEasy,
    ...moderationJaEasy,
    ...statusJaEasy,
    ...languagesJaEasy,
    ...oversightJaEasy,
    ...townsJaEasy,
    ...matchingJaEasy,
    ...inviteJaEasy,
    ...noticesJaEasy,
    ...figuresJaEasy,
    ...storiesJaEasy,
    ...skillsJaEasy,
  } satisfies Messages,
} as const satisfies Record<Lang, Messages>;

/** All messages of one language (ICU MessageFormat source strings). Server-side: the layout sends only the current language to the browser. */
export function messagesFor(lang: Lang): Messages {
  return catalogues[lang];
}
