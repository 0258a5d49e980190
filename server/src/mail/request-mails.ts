import type { Language } from '@board/shared';
import { compose, type MailTemplate } from './compose.ts';
import type { MailContext } from '../services/context.ts';

/** What every mail about one help request names. */
export interface RequestMailVars {
  title: string;
  associationName: string;
  municipality: { nameJa: string; nameEn: string };
  /** the request's page */
  link: string;
}

/** A decision that comes with the staff's reason (changes requested, rejected, closed). */
export interface ReasonMailVars extends RequestMailVars {
  reason: string;
}

const quoted = (reason: string) =>
  reason
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/** Staff approved: the request is on the board. */
export const requestApprovedMail: MailTemplate<RequestMailVars> = {
  ja: (v) => ({
    subject: `依頼「${v.title}」が掲載されました`,
    body: [
      `${v.associationName} の依頼「${v.title}」を${v.municipality.nameJa}の担当者が確認し、掲示板に掲載しました。`,
      '手を挙げてくれる方が現れたら、メールでお知らせします。',
      '',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」が けいじばんに でました`,
    body: [
      `${v.associationName} の おねがい「${v.title}」を ${v.municipality.nameJa}の ひとが みました。`,
      'けいじばんに でました。 てつだう ひとが いたら メールで しらせます。',
      '',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Your request “${v.title}” is now on the board`,
    body: [
      `Staff of ${v.municipality.nameEn} reviewed the request “${v.title}” of ${v.associationName} and published it on the board.`,
      'We will mail you when someone raises a hand.',
      '',
      v.link,
    ].join('\n'),
  }),
};

/** Staff asked for changes, with their reason; the officer edits and submits again. */
export const requestChangesRequestedMail: MailTemplate<ReasonMailVars> = {
  ja: (v) => ({
    subject: `依頼「${v.title}」の修正をお願いします`,
    body: [
      `${v.associationName} の依頼「${v.title}」について、${v.municipality.nameJa}の担当者から修正のお願いがありました。`,
      '',
      quoted(v.reason),
      '',
      '次のページで内容を直して、もう一度「確認を申し込む」を押してください。',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」を なおして ください`,
    body: [
      `${v.associationName} の おねがい「${v.title}」を なおして ください。 ${v.municipality.nameJa}の ひとからです。`,
      '',
      quoted(v.reason),
      '',
      'つぎの ページで なおして、 もういちど おくって ください。',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Please revise your request “${v.title}”`,
    body: [
      `Staff of ${v.municipality.nameEn} asked for changes to the request “${v.title}” of ${v.associationName}:`,
      '',
      quoted(v.reason),
      '',
      'Please edit it on this page and submit it again:',
      v.link,
    ].join('\n'),
  }),
};

/** Staff rejected the request, with their reason. */
export const requestRejectedMail: MailTemplate<ReasonMailVars> = {
  ja: (v) => ({
    subject: `依頼「${v.title}」は掲載できませんでした`,
    body: [
      `${v.associationName} の依頼「${v.title}」は、${v.municipality.nameJa}の担当者の判断で掲載できませんでした。理由は次のとおりです。`,
      '',
      quoted(v.reason),
      '',
      'ご不明な点は区市町村の担当窓口にお問い合わせください。',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」は けいじばんに だせません`,
    body: [
      `${v.associationName} の おねがい「${v.title}」は けいじばんに だせません。 ${v.municipality.nameJa}の ひとが きめました。 りゆうは つぎの とおりです。`,
      '',
      quoted(v.reason),
      '',
      'わからない ときは、くやくしょ・しやくしょ に きいて ください。',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Your request “${v.title}” was not published`,
    body: [
      `Staff of ${v.municipality.nameEn} decided not to publish the request “${v.title}” of ${v.associationName}. Their reason:`,
      '',
      quoted(v.reason),
      '',
      'If anything is unclear, please ask your municipality’s contact desk.',
      v.link,
    ].join('\n'),
  }),
};

/** Staff closed a published request, with their reason. */
export const requestClosedMail: MailTemplate<ReasonMailVars> = {
  ja: (v) => ({
    subject: `依頼「${v.title}」の募集が終了されました`,
    body: [
      `${v.associationName} の依頼「${v.title}」は、${v.municipality.nameJa}の担当者が募集を終了しました。理由は次のとおりです。`,
      '',
      quoted(v.reason),
      '',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」の ぼしゅうを おわりに しました`,
    body: [
      `${v.associationName} の おねがい「${v.title}」の ぼしゅうを ${v.municipality.nameJa}の ひとが おわりに しました。 りゆうは つぎの とおりです。`,
      '',
      quoted(v.reason),
      '',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Your request “${v.title}” was closed`,
    body: [
      `Staff of ${v.municipality.nameEn} closed the request “${v.title}” of ${v.associationName}. Their reason:`,
      '',
      quoted(v.reason),
      '',
      v.link,
    ].join('\n'),
  }),
};

/** The application deadline passed with slots still open; the officer may copy it to post again. */
export const requestExpiredMail: MailTemplate<RequestMailVars> = {
  ja: (v) => ({
    subject: `依頼「${v.title}」の募集期限が過ぎました`,
    body: [
      `${v.associationName} の依頼「${v.title}」は、募集の締め切りを過ぎたため掲示板から下がりました（人数がそろわないまま期限を迎えました）。`,
      'もう一度募集するときは、次のページの「コピーして新しく作る」から、日付を決め直して投稿できます。',
      '',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」の しめきりが すぎました`,
    body: [
      `${v.associationName} の おねがい「${v.title}」は しめきりが すぎました。 けいじばんから さがりました。`,
      'もういちど ぼしゅう する ときは、つぎの ページで 「コピー」を おして、 ひにちを きめて ください。',
      '',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Your request “${v.title}” has expired`,
    body: [
      `The application deadline of the request “${v.title}” of ${v.associationName} passed with places still open, so it is no longer on the board.`,
      'To post it again, open it and choose “Copy”: you can set new dates on the copy.',
      '',
      v.link,
    ].join('\n'),
  }),
};

/** How a request a volunteer raised a hand for left the board. */
export type RequestEnding = 'withdrawn' | 'closed' | 'expired';

export interface RequestEndedVars extends RequestMailVars {
  ending: RequestEnding;
}

const endingJa: Record<RequestEnding, string> = {
  withdrawn: '町会・自治会が取り下げました',
  closed: '区市町村の担当者が募集を終了しました',
  expired: '募集の締め切りを過ぎました',
};
const endingEasy: Record<RequestEnding, string> = {
  withdrawn: 'ちょうかい・じちかいが やめました',
  closed: 'くやくしょ・しやくしょの ひとが ぼしゅうを おわりに しました',
  expired: 'しめきりが すぎました',
};
const endingEn: Record<RequestEnding, string> = {
  withdrawn: 'the association withdrew it',
  closed: 'the municipality’s staff closed it',
  expired: 'its application deadline passed',
};

/** To volunteers who raised a hand (or were matched): the request left the board and will not go ahead. */
export const requestEndedForVolunteerMail: MailTemplate<RequestEndedVars> = {
  ja: (v) => ({
    subject: `手を挙げた依頼「${v.title}」は募集を終えました`,
    body: [
      `${v.associationName} の依頼「${v.title}」は、${endingJa[v.ending]}。この依頼のお手伝いはありません。`,
      '手を挙げてくださって、ありがとうございました。掲示板にはほかの依頼も載っています。',
      '',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」の ぼしゅうは おわりました`,
    body: [
      `${v.associationName} の おねがい「${v.title}」は ${endingEasy[v.ending]}。 この おねがいの てつだいは ありません。`,
      'てを あげて くれて ありがとう ございました。 けいじばんには ほかの おねがいも あります。',
      '',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `The request you raised a hand for, “${v.title}”, has ended`,
    body: [
      `The request “${v.title}” of ${v.associationName} will not go ahead: ${endingEn[v.ending]}.`,
      'Thank you for raising your hand. There are other requests on the board.',
      '',
      v.link,
    ].join('\n'),
  }),
};

/**
 * Sends one mail to each recipient (a request's officers, or its applicants) in their own
 * language. Called after the change committed; a mail that cannot be sent is logged and the
 * others still go.
 */
export async function mailEach<Vars>(
  app: MailContext,
  template: MailTemplate<Vars>,
  recipients: { email: string; language: Language }[],
  vars: Vars,
): Promise<void> {
  for (const to of recipients) {
    try {
      await app.mailer.send(compose(template, to.language, to.email, vars));
    } catch (err) {
      app.log.error({ err }, 'could not send a mail about a request');
    }
  }
}
