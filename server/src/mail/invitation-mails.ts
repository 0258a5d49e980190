import type { Language } from '@board/shared';
import type { MailTemplate } from './compose.ts';
import { formatWhen } from './format.ts';

/** Where a granted role applies, named in the recipient's language. */
export interface RolePlace {
  role: 'municipal_staff' | 'officer' | 'foundation_staff';
  municipality: { nameJa: string; nameEn: string } | null;
  associationName: string | null;
}

export interface InvitationMailVars extends RolePlace {
  role: 'municipal_staff' | 'officer';
  inviterName: string | null;
  link: string;
  expiresAt: Date;
}

export type RoleGrantedMailVars = RolePlace;

/** 「千住一丁目町会」（足立区）の役員 / an officer of 千住一丁目町会 (Adachi City) */
function roleText(language: Language, place: RolePlace): string {
  const m = place.municipality;
  switch (language) {
    case 'ja':
      if (place.role === 'officer') return `「${place.associationName ?? ''}」（${m?.nameJa ?? ''}）の役員`;
      if (place.role === 'municipal_staff') return `${m?.nameJa ?? ''}の職員`;
      return '財団職員';
    case 'ja-easy':
      if (place.role === 'officer') return `「${place.associationName ?? ''}」（${m?.nameJa ?? ''}）の やくいん`;
      if (place.role === 'municipal_staff') return `${m?.nameJa ?? ''}の しょくいん`;
      return 'ざいだんの しょくいん';
    case 'en':
      if (place.role === 'officer') return `an officer of ${place.associationName ?? ''} (${m?.nameEn ?? ''})`;
      if (place.role === 'municipal_staff') return `a staff member of ${m?.nameEn ?? ''}`;
      return 'a foundation staff member';
  }
}

/** The single-use link that invites someone to a role; in the language the inviter chose for them. */
export const invitationMail: MailTemplate<InvitationMailVars> = {
  ja: (v) => ({
    subject: `${roleText('ja', v)}としての招待`,
    body: [
      `${v.inviterName ? `${v.inviterName}さんから、` : ''}まちの腕きき掲示板に${roleText('ja', v)}として招待されました。`,
      '',
      '次のリンクを開いて、招待を受けてください。',
      v.link,
      '',
      `このリンクは${formatWhen(v.expiresAt, 'ja')}まで、1回だけ使えます。`,
      'まだアカウントがない場合は、リンクを開いた画面で名前とパスワードを決めてください。',
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `${roleText('ja-easy', v)}に なって ください`,
    body: [
      `あなたは まちの うでききけいじばん の ${roleText('ja-easy', v)}に よばれました。`,
      '',
      'つぎの リンクを ひらいて ください。',
      v.link,
      '',
      `この リンクは ${formatWhen(v.expiresAt, 'ja-easy')} まで つかえます。 1かい だけ つかえます。`,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `You are invited as ${roleText('en', v)}`,
    body: [
      `${v.inviterName ? `${v.inviterName} has invited you` : 'You have been invited'} to the Machi no Udekiki Board as ${roleText('en', v)}.`,
      '',
      'Open this link to accept the invitation:',
      v.link,
      '',
      `The link works once, until ${formatWhen(v.expiresAt, 'en')}.`,
      'If you have no account yet, you will choose your name and a password on that page.',
    ].join('\n'),
  }),
};

/** Tells an existing account it now wears a new hat (also a warning if they did not expect it). */
export const roleGrantedMail: MailTemplate<RoleGrantedMailVars> = {
  ja: (v) => ({
    subject: '新しい役割が追加されました',
    body: [
      `あなたのアカウントに、${roleText('ja', v)}の役割が追加されました。`,
      '次にサインインしたときから使えます。',
      '心当たりがない場合は、お住まいの区市町村の担当窓口か財団にお知らせください。',
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: 'あたらしい やくわりが ふえました',
    body: [
      `あなたの アカウントに ${roleText('ja-easy', v)} の やくわりが ふえました。`,
      'わからない ときは、くやくしょ・しやくしょ に きいて ください。',
    ].join('\n'),
  }),
  en: (v) => ({
    subject: 'A new role was added to your account',
    body: [
      `Your account is now also ${roleText('en', v)}.`,
      'If you did not expect this, please tell your municipality’s contact desk or the foundation.',
    ].join('\n'),
  }),
};

/** The municipality's staff took a role away (someone left their association). */
export const roleRemovedMail: MailTemplate<RolePlace> = {
  ja: (v) => ({
    subject: '役割が外れました',
    body: [
      `${v.municipality?.nameJa ?? ''}の担当者が、あなたのアカウントから${roleText('ja', v)}の役割を外しました。`,
      'この町会・自治会の依頼は、これからは出したり見たりできません。アカウントはそのまま使えます。',
      '心当たりがない場合は、お住まいの区市町村の担当窓口にお知らせください。',
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: 'やくわりが なくなりました',
    body: [
      `あなたの アカウントから ${roleText('ja-easy', v)} の やくわりが なくなりました。`,
      'この ちょうかい・じちかいの おねがいは もう だしたり みたり できません。 アカウントは つかえます。',
      'わからない ときは、くやくしょ・しやくしょ に きいて ください。',
    ].join('\n'),
  }),
  en: (v) => ({
    subject: 'A role was removed from your account',
    body: [
      `Staff of ${v.municipality?.nameEn ?? 'your municipality'} changed your account: you are no longer ${roleText('en', v)}.`,
      'You can no longer post or see this association’s requests. Your account stays as it is.',
      'If you did not expect this, please tell your municipality’s contact desk.',
    ].join('\n'),
  }),
};
