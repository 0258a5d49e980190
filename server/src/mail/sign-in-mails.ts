import { addressed } from './compose.ts';
import type { LinkVars } from './account-mail-vars.ts';

/**
 * Mail about a person's own account, in ja, en and やさしい日本語 (ja-easy: short sentences,
 * mostly kana, words spaced). Officers are often over 70: polite, plain, one thing per line,
 * and every mail says what happens if the reader simply ignores it.
 */

/** Sign-in without a password (link valid 15 minutes, once). */
export const signInLinkMail = addressed<LinkVars>({
  ja: ({ link }) => ({
    subject: 'ログイン用のリンクをお送りします',
    body: [
      '下のリンクを押すと、パスワードを入れずにログインできます。',
      '',
      link,
      '',
      'このリンクは15分間、1回だけ使えます。',
      '時間が過ぎた場合は、もう一度ログインのページからお申し込みください。',
      '',
      'お心当たりがない場合は、このメールを削除してください。リンクを押さなければ、何も起こりません。',
    ].join('\n'),
  }),
  en: ({ link }) => ({
    subject: 'Your sign-in link',
    body: [
      'Open the link below to sign in without a password.',
      '',
      link,
      '',
      'The link works once, for 15 minutes.',
      'If it has run out, ask for a new one on the sign-in page.',
      '',
      'If you did not ask for this, you can delete this mail. Nothing happens unless the link is opened.',
    ].join('\n'),
  }),
  'ja-easy': ({ link }) => ({
    subject: 'ログインの リンクです',
    body: [
      'した の リンクを おすと、ログイン できます。',
      'パスワードは いりません。',
      '',
      link,
      '',
      'この リンクは 15ふん だけ つかえます。',
      'つかえるのは 1かい だけです。',
      '',
      'あなたが たのんで いない ときは、この メールを けして ください。',
    ].join('\n'),
  }),
});

/** Password reset (link valid 1 hour, once). */
export const passwordResetMail = addressed<LinkVars>({
  ja: ({ link }) => ({
    subject: 'パスワードの再設定',
    body: [
      'パスワードの再設定のお申し込みを受け付けました。',
      '下のリンクを押して、新しいパスワードを決めてください。',
      '',
      link,
      '',
      'このリンクは1時間、1回だけ使えます。',
      '',
      'お心当たりがない場合は、このメールを削除してください。今のパスワードのまま使えます。',
    ].join('\n'),
  }),
  en: ({ link }) => ({
    subject: 'Reset your password',
    body: [
      'We received a request to reset your password.',
      'Open the link below to choose a new one.',
      '',
      link,
      '',
      'The link works once, for 1 hour.',
      '',
      'If you did not ask for this, you can delete this mail. Your current password still works.',
    ].join('\n'),
  }),
  'ja-easy': ({ link }) => ({
    subject: 'パスワードを あたらしく します',
    body: [
      'パスワードを あたらしく したい と いう れんらくが ありました。',
      'した の リンクを おして ください。',
      'あたらしい パスワードを きめて ください。',
      '',
      link,
      '',
      'この リンクは 1じかん だけ つかえます。',
      'つかえるのは 1かい だけです。',
      '',
      'あなたが たのんで いない ときは、この メールを けして ください。',
      'いまの パスワードを そのまま つかえます。',
    ].join('\n'),
  }),
});
