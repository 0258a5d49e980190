import type { Language, NotificationKind } from '@board/shared';
import type { ContactDeskVars } from './compose.ts';
import { mailFromCatalogue } from './catalogue.ts';

/** To staff: a request reached their review queue. */
export const reviewWaitingMail = mailFromCatalogue<{ title: string; associationName: string; link: string }>(
  'reviewWaiting',
);

/** To staff: someone reported a request or a message in their municipality. */
export const flagRaisedMail = mailFromCatalogue<{
  targetType: 'request' | 'message';
  municipality: { nameJa: string; nameEn: string };
  link: string;
}>('flagRaised', {
  compute: (v, language) => ({
    targetLabel: targetLabels[language][v.targetType],
    municipalityName: language === 'en' ? v.municipality.nameEn : v.municipality.nameJa,
  }),
});

const targetLabels: Record<Language, Record<'request' | 'message', string>> = {
  ja: { request: '依頼', message: 'メッセージ' },
  en: { request: 'request', message: 'message' },
  'ja-easy': { request: 'いらい', message: 'メッセージ' },
};

/** To staff: the requests that have waited more than two days for review (the daily check). */
export const reviewOverdueMail = mailFromCatalogue<{ titles: string[]; link: string }>('reviewOverdue', {
  compute: (v) => ({ count: v.titles.length, items: v.titles.map((t) => `・${t}`).join('\n') }),
});

/** To a volunteer: a newly published request fits their skills and area. */
export const requestFitsMail = mailFromCatalogue<
  { title: string; associationName: string; link: string } & ContactDeskVars
>('requestFits');

/** To a volunteer: the association wrote a story about their help; they choose to be named or not. */
export const storyConsentMail = mailFromCatalogue<{ title: string; associationName: string; link: string }>(
  'storyConsent',
);

/** Each kind's name in a digest's subject. */
const kindLabels: Record<Language, Record<NotificationKind, string>> = {
  ja: {
    requestFits: 'あなたに合いそうな依頼',
    invitedToHelp: 'お手伝いのお誘い',
    applicationAccepted: 'お願いが決まりました',
    applicationDeclined: '今回は見送り',
    requestEnded: '手を挙げた依頼の終了',
    storyConsent: 'お手伝いの好事例（名前の出し方）',
    requestExpired: '締め切りで終わった依頼',
    handRaised: '手が挙がりました',
    matchWithdrawn: 'お手伝いの取りやめ',
    moderationResult: '依頼の確認結果',
    newMessage: '新しいメッセージ',
    markedDone: '終わったことの確認',
    reviewWaiting: '確認待ちの依頼',
    reviewOverdue: '2日以上確認待ちの依頼',
    flagRaised: '通報',
    workTomorrow: 'あすのお手伝い',
    noHands: '手が挙がらない依頼',
  },
  en: {
    requestFits: 'Requests that may fit you',
    invitedToHelp: 'Invitations to help',
    applicationAccepted: 'Hands accepted',
    applicationDeclined: 'Hands declined',
    requestEnded: 'Requests that ended',
    storyConsent: 'Stories about your help',
    requestExpired: 'Requests past their deadline',
    handRaised: 'Hands raised',
    matchWithdrawn: 'Matches withdrawn',
    moderationResult: 'Review results',
    newMessage: 'New messages',
    markedDone: 'Work marked done',
    reviewWaiting: 'Requests waiting for review',
    reviewOverdue: 'Requests waiting over 2 days',
    flagRaised: 'Reports',
    workTomorrow: 'Work tomorrow',
    noHands: 'Requests with no hands yet',
  },
  'ja-easy': {
    requestFits: 'あなたに あいそうな いらい',
    invitedToHelp: 'おてつだいの おさそい',
    applicationAccepted: 'おねがいが きまりました',
    applicationDeclined: 'こんかいは みおくり',
    requestEnded: 'おわった いらい',
    storyConsent: 'あなたの おてつだいの はなし',
    requestExpired: 'しめきりで おわった いらい',
    handRaised: 'てが あがりました',
    matchWithdrawn: 'おてつだいの とりやめ',
    moderationResult: 'いらいの かくにんの けっか',
    newMessage: 'あたらしい メッセージ',
    markedDone: 'おわった ことの かくにん',
    reviewWaiting: 'かくにんを まつ いらい',
    reviewOverdue: '2にち いじょう まつ いらい',
    flagRaised: 'つうほう',
    workTomorrow: 'あしたの おてつだい',
    noHands: 'てが あがらない いらい',
  },
};

const periodLabels: Record<Language, Record<'daily' | 'weekly', string>> = {
  ja: { daily: 'この1日', weekly: 'この1週間' },
  en: { daily: 'the past day', weekly: 'the past week' },
  'ja-easy': { daily: 'きょうまでの 1にち', weekly: 'きょうまでの 1しゅうかん' },
};

export interface DigestVars {
  kind: NotificationKind;
  cadence: 'daily' | 'weekly';
  /** one line per notification: what it is about and its link */
  items: { text: string; link: string }[];
  link: string;
}

/** One mail grouping a person's waiting notifications of one kind (daily or weekly digest). */
export const digestMail = mailFromCatalogue<DigestVars>('digest', {
  compute: (v, language) => ({
    kindLabel: kindLabels[language][v.kind],
    period: periodLabels[language][v.cadence],
    count: v.items.length,
    items: v.items.map((item) => `・${item.text}\n  ${item.link}`).join('\n'),
  }),
});
