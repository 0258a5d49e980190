import { addressed, type MailTemplate } from './compose.ts';
import type { AddressCheckVars, SignInPageVars } from './account-mail-vars.ts';

/**
 * Mail about a person's own account, in ja, en and やさしい日本語 (ja-easy: short sentences,
 * mostly kana, words spaced). Officers are often over 70: polite, plain, one thing per line,
 * and every mail says what happens if the reader simply ignores it.
 */

/** Confirms a new sign-in address (sent to the new address; link valid 24 hours; no name, as above). */
export const emailChangeMail: MailTemplate<AddressCheckVars> = {
  ja: ({ link }) => ({
    subject: '新しいメールアドレスの確認をお願いします',
    body: [
      'まちの腕きき掲示板で、ログインに使うメールアドレスを、このアドレスに変えるお申し込みを受け付けました。',
      '下のリンクを押すと、変更が終わります。',
      '',
      link,
      '',
      'このリンクは24時間使えます。',
      '',
      'お心当たりがない場合は、このメールを削除してください。何も変更されません。',
    ].join('\n'),
  }),
  en: ({ link }) => ({
    subject: 'Please confirm your new email address',
    body: [
      'We received a request to use this address to sign in to the Machi no Udekiki Board.',
      'Open the link below to finish the change.',
      '',
      link,
      '',
      'The link works for 24 hours.',
      '',
      'If you did not ask for this, you can delete this mail. Nothing will change.',
    ].join('\n'),
  }),
  'ja-easy': ({ link }) => ({
    subject: 'あたらしい メールアドレスを たしかめて ください',
    body: [
      'まちの うでききけいじばんで、ログインの メールアドレスを、この アドレスに かえたい と いう れんらくが ありました。',
      'した の リンクを おすと、かわります。',
      '',
      link,
      '',
      'この リンクは 24じかん つかえます。',
      '',
      'あなたが たのんで いない ときは、この メールを けして ください。',
      'なにも かわりません。',
    ].join('\n'),
  }),
};

/** Someone asked to move another account onto this address, which already has an account: nothing changed. */
export const emailChangeTakenMail = addressed<SignInPageVars>({
  ja: ({ signInUrl }) => ({
    subject: 'メールアドレス変更のお申し込みについて',
    body: [
      'まちの腕きき掲示板で、別のアカウントのログイン用メールアドレスを、このアドレスに変えるお申し込みがありました。',
      'このアドレスは、すでにあなたのアカウントで使われているため、変更はしていません。',
      '',
      'このアドレスのアカウントを使う場合は、次のページからログインしてください。',
      signInUrl,
      '',
      'お心当たりがない場合は、このメールを削除してください。あなたのアカウントは何も変わっていません。',
    ].join('\n'),
  }),
  en: ({ signInUrl }) => ({
    subject: 'About a request to use your email address',
    body: [
      'Someone asked to move another account on the Machi no Udekiki Board to this email address.',
      'This address already has an account (yours), so nothing was changed.',
      '',
      'To use the account of this address, sign in here:',
      signInUrl,
      '',
      'If you do not know about this, you can delete this mail. Nothing in your account has changed.',
    ].join('\n'),
  }),
  'ja-easy': ({ signInUrl }) => ({
    subject: 'メールアドレスの へんこうに ついて',
    body: [
      'べつの アカウントの メールアドレスを、この アドレスに かえたい と いう れんらくが ありました。',
      'この アドレスは もう あなたが つかって います。',
      'だから、なにも かえて いません。',
      '',
      'この アドレスで ログイン する ときは、ここから どうぞ。',
      signInUrl,
      '',
      'わからない ときは、この メールを けして ください。',
    ].join('\n'),
  }),
});

interface EmailChangedVars {
  displayName: string;
  /** the new address, partly hidden */
  newEmail: string;
  when: string;
}

/** Notice to the old address once the sign-in address has moved. */
export const emailChangedMail = addressed<EmailChangedVars>({
  ja: ({ newEmail, when }) => ({
    subject: 'ログイン用のメールアドレスが変更されました',
    body: [
      `まちの腕きき掲示板のログイン用メールアドレスが、${newEmail} に変更されました（${when}）。`,
      'これからのお知らせは、新しいアドレスに届きます。',
      '',
      'ご自身で変更した場合は、何もする必要はありません。',
      'お心当たりがない場合は、掲示板の運営（公益財団法人 東京都つながり創生財団）にご連絡ください。',
    ].join('\n'),
  }),
  en: ({ newEmail, when }) => ({
    subject: 'Your sign-in email address was changed',
    body: [
      `The sign-in address of your Machi no Udekiki Board account was changed to ${newEmail} (${when}).`,
      'From now on, mail from the board goes to the new address.',
      '',
      'If you changed it yourself, there is nothing more to do.',
      'If you did not, please contact the board’s operator, the Tokyo Metropolitan Foundation for Social Connection.',
    ].join('\n'),
  }),
  'ja-easy': ({ newEmail, when }) => ({
    subject: 'ログインの メールアドレスが かわりました',
    body: [
      `ログインの メールアドレスが ${newEmail} に かわりました（${when}）。`,
      'これからの メールは、あたらしい アドレスに とどきます。',
      '',
      'あなたが かえた ときは、なにも しなくて いいです。',
      'あなたが かえて いない ときは、けいじばんの ざいだんに れんらく して ください。',
    ].join('\n'),
  }),
});
