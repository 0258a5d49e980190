import type { ContactDeskVars, MailTemplate } from './compose.ts';

/** What every mail about one help request names; its municipality's desk goes at the foot. */
export interface RequestMailVars extends ContactDeskVars {
  title: string;
  associationName: string;
  municipality: { nameJa: string; nameEn: string };
  /** officers: their page of the request (webPages.officerRequest); volunteers: its public page */
  link: string;
}

/** A decision that comes with the staff's reason (changes requested, rejected, closed). */
export interface ReasonMailVars extends RequestMailVars {
  reason: string;
}

/** The lines of a mail, then a blank line and the request's page. */
const withLink = (v: RequestMailVars, ...lines: string[]) => [...lines, '', v.link].join('\n');

/** What staff decided, their reason quoted, then what to do next (if anything) over the link. */
const withReason = (v: ReasonMailVars, decision: string, next?: string) => {
  const quoted = v.reason
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return [decision, '', quoted, '', ...(next ? [next] : []), v.link].join('\n');
};

/** Staff approved: the request is on the board. */
export const requestApprovedMail: MailTemplate<RequestMailVars> = {
  ja: (v) => ({
    subject: `依頼「${v.title}」が掲示板に載りました`,
    body: withLink(
      v,
      `${v.associationName} の依頼「${v.title}」を${v.municipality.nameJa}の担当者が確認し、掲示板に載せました。`,
      '手を挙げてくれる方が現れたら、メールでお知らせします。',
    ),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」が けいじばんに でました`,
    body: withLink(
      v,
      `${v.associationName} の おねがい「${v.title}」を ${v.municipality.nameJa}の ひとが みました。`,
      'けいじばんに でました。 てつだう ひとが いたら メールで しらせます。',
    ),
  }),
  en: (v) => ({
    subject: `Your request “${v.title}” is now on the board`,
    body: withLink(
      v,
      `Staff of ${v.municipality.nameEn} reviewed the request “${v.title}” of ${v.associationName} and published it on the board.`,
      'We will mail you when someone raises a hand.',
    ),
  }),
};

/** Staff asked for changes, with their reason; the officer edits and submits again. */
export const requestChangesRequestedMail: MailTemplate<ReasonMailVars> = {
  ja: (v) => ({
    subject: `依頼「${v.title}」の修正をお願いします`,
    body: withReason(
      v,
      `${v.associationName} の依頼「${v.title}」について、${v.municipality.nameJa}の担当者から修正のお願いがありました。`,
      '次のページの「直して確認に出す」から内容を直して、もう一度「確認に出す」を押してください。',
    ),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」を なおして ください`,
    body: withReason(
      v,
      `${v.associationName} の おねがい「${v.title}」を なおして ください。 ${v.municipality.nameJa}の ひとからです。`,
      'つぎの ページの 「なおして みて もらう」で なおして、 もう いちど 「みて もらう」を おして ください。',
    ),
  }),
  en: (v) => ({
    subject: `Please revise your request “${v.title}”`,
    body: withReason(
      v,
      `Staff of ${v.municipality.nameEn} asked for changes to the request “${v.title}” of ${v.associationName}:`,
      'On this page, choose “Fix it and send for review”, make the changes, then press “Send for review”:',
    ),
  }),
};

/** Staff rejected the request, with their reason. */
export const requestRejectedMail: MailTemplate<ReasonMailVars> = {
  ja: (v) => ({
    subject: `依頼「${v.title}」は掲載できませんでした`,
    body: withReason(
      v,
      `${v.associationName} の依頼「${v.title}」は、${v.municipality.nameJa}の担当者の判断で掲載できませんでした。理由は次のとおりです。`,
      v.contactDesk
        ? 'ご不明な点は、このメールの下にある区市町村の窓口にお問い合わせください。'
        : 'ご不明な点は区市町村の担当窓口にお問い合わせください。',
    ),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」は けいじばんに だせません`,
    body: withReason(
      v,
      `${v.associationName} の おねがい「${v.title}」は けいじばんに だせません。 ${v.municipality.nameJa}の ひとが きめました。 りゆうは つぎの とおりです。`,
      v.contactDesk
        ? 'わからない ときは、 この メールの したに ある まどぐちに きいて ください。'
        : 'わからない ときは、 やくしょに きいて ください。',
    ),
  }),
  en: (v) => ({
    subject: `Your request “${v.title}” was not published`,
    body: withReason(
      v,
      `Staff of ${v.municipality.nameEn} decided not to publish the request “${v.title}” of ${v.associationName}. Their reason:`,
      v.contactDesk
        ? 'If anything is unclear, please ask the contact desk at the foot of this mail.'
        : 'If anything is unclear, please ask your municipality’s contact desk.',
    ),
  }),
};

/** Staff closed a published request, with their reason. */
export const requestClosedMail: MailTemplate<ReasonMailVars> = {
  ja: (v) => ({
    subject: `依頼「${v.title}」の募集を担当者が終えました`,
    body: withReason(
      v,
      `${v.associationName} の依頼「${v.title}」は、${v.municipality.nameJa}の担当者が募集を終えました。理由は次のとおりです。`,
    ),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」の ぼしゅうを おわりに しました`,
    body: withReason(
      v,
      `${v.associationName} の おねがい「${v.title}」の ぼしゅうを ${v.municipality.nameJa}の ひとが おわりに しました。 りゆうは つぎの とおりです。`,
    ),
  }),
  en: (v) => ({
    subject: `Your request “${v.title}” was closed`,
    body: withReason(
      v,
      `Staff of ${v.municipality.nameEn} closed the request “${v.title}” of ${v.associationName}. Their reason:`,
    ),
  }),
};

/** The application deadline passed with slots still open; the officer may copy it to post again. */
export const requestExpiredMail: MailTemplate<RequestMailVars> = {
  ja: (v) => ({
    subject: `依頼「${v.title}」の締め切りを過ぎました`,
    body: withLink(
      v,
      `${v.associationName} の依頼「${v.title}」は、申し込みの締め切りを過ぎたため掲示板から下がりました（人数がそろわないまま締め切りになりました）。`,
      'もう一度募集するときは、次のページの「似た依頼を作る」から、日付を決め直して出せます。',
    ),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」の しめきりが すぎました`,
    body: withLink(
      v,
      `${v.associationName} の おねがい「${v.title}」は しめきりが すぎました。 けいじばんから さがりました。`,
      'もう いちど ぼしゅう する ときは、 つぎの ページで 「にた おねがいを つくる」を おして、 ひにちを きめて ください。',
    ),
  }),
  en: (v) => ({
    subject: `Your request “${v.title}” has expired`,
    body: withLink(
      v,
      `The application deadline of the request “${v.title}” of ${v.associationName} passed with places still open, so it is no longer on the board.`,
      'To post it again, open it and choose “Post a similar one”: you can set new dates on the copy.',
    ),
  }),
};

/** How a request a volunteer raised a hand for left the board. */
export type RequestEnding = 'withdrawn' | 'closed' | 'expired';

export interface RequestEndedVars extends RequestMailVars {
  ending: RequestEnding;
}

const endingJa: Record<RequestEnding, string> = {
  withdrawn: '町会・自治会が取り下げました',
  closed: '区市町村の担当者が募集を終えました',
  expired: '募集の締め切りを過ぎました',
};
const endingEasy: Record<RequestEnding, string> = {
  withdrawn: 'ちょうかい・じちかいが とりさげました',
  closed: 'やくしょの ひとが ぼしゅうを おわりに しました',
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
    body: withLink(
      v,
      `${v.associationName} の依頼「${v.title}」は、${endingJa[v.ending]}。この依頼のお手伝いはありません。`,
      '手を挙げてくださって、ありがとうございました。掲示板にはほかの依頼も載っています。',
    ),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.title}」の ぼしゅうは おわりました`,
    body: withLink(
      v,
      `${v.associationName} の おねがい「${v.title}」は ${endingEasy[v.ending]}。 この おねがいの てつだいは ありません。`,
      'てを あげて くれて ありがとう ございました。 けいじばんには ほかの おねがいも あります。',
    ),
  }),
  en: (v) => ({
    subject: `The request you raised a hand for, “${v.title}”, has ended`,
    body: withLink(
      v,
      `The request “${v.title}” of ${v.associationName} will not go ahead: ${endingEn[v.ending]}.`,
      'Thank you for raising your hand. There are other requests on the board.',
    ),
  }),
};
