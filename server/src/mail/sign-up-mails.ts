import { addressed, type MailTemplate } from './compose.ts';
import type { AddressCheckVars, SignInPageVars } from './account-mail-vars.ts';

/**
 * Mail about a person's own account, in ja, en and やさしい日本語 (ja-easy: short sentences,
 * mostly kana, words spaced). Officers are often over 70: polite, plain, one thing per line,
 * and every mail says what happens if the reader simply ignores it.
 */

/**
 * After sign-up: confirm the address (link valid 24 hours). No name in it: whoever signed up
 * chose the name, and the address is not proven to be theirs yet.
 */
export const verifyEmailMail: MailTemplate<AddressCheckVars> = {
  ja: ({ link }) => ({
    subject: 'メールアドレスの確認をお願いします',
    body: [
      'まちの腕きき掲示板にご登録いただき、ありがとうございます。',
      '下のリンクを押して、メールアドレスの確認を済ませてください。',
      '',
      link,
      '',
      'このリンクは24時間使えます。',
      '確認が済むと、困りごとに「手を挙げる」ことができるようになります。',
      '',
      'ご登録に心当たりがない場合は、このメールを削除してください。',
    ].join('\n'),
  }),
  en: ({ link }) => ({
    subject: 'Please confirm your email address',
    body: [
      'Thank you for signing up to the Machi no Udekiki Board.',
      'Please open the link below to confirm your email address.',
      '',
      link,
      '',
      'The link works for 24 hours.',
      'Once your address is confirmed, you can raise your hand for requests.',
      '',
      'If you did not sign up, you can simply delete this mail.',
    ].join('\n'),
  }),
  'ja-easy': ({ link }) => ({
    subject: 'メールアドレスを たしかめて ください',
    body: [
      'とうろく ありがとう ございます。',
      'した の リンクを おして ください。',
      'メールアドレスを たしかめます。',
      '',
      link,
      '',
      'この リンクは 24じかん つかえます。',
      'たしかめた あとで、「てを あげる」が できます。',
      '',
      'あなたが とうろく して いない ときは、この メールを けして ください。',
    ].join('\n'),
  }),
};

/** Sign-up was tried with an address that already has an account: nothing was changed. */
export const signUpAttemptedMail = addressed<SignInPageVars>({
  ja: ({ signInUrl }) => ({
    subject: 'このメールアドレスで登録の申し込みがありました',
    body: [
      'このメールアドレスで、まちの腕きき掲示板に新しく登録する申し込みがありました。',
      'このアドレスは、すでに登録されています。新しいアカウントは作っていません。',
      '',
      'ご本人の場合は、次のページからログインしてください。',
      signInUrl,
      'パスワードを忘れた場合は、同じページから、パスワードの再設定か、メールでのログインができます。',
      '',
      'お心当たりがない場合は、このメールを削除してください。アカウントは何も変わっていません。',
    ].join('\n'),
  }),
  en: ({ signInUrl }) => ({
    subject: 'Someone tried to sign up with your email address',
    body: [
      'Someone tried to sign up to the Machi no Udekiki Board with this email address.',
      'This address already has an account, so no new account was made.',
      '',
      'If it was you, please sign in here:',
      signInUrl,
      'If you have forgotten your password, you can reset it from the same page, or sign in with a link sent by email.',
      '',
      'If it was not you, you can delete this mail. Nothing in your account has changed.',
    ].join('\n'),
  }),
  'ja-easy': ({ signInUrl }) => ({
    subject: 'この メールアドレスで とうろく しようと しました',
    body: [
      'この メールアドレスで、あたらしく とうろく しようと した ひとが います。',
      'この アドレスは もう とうろく して あります。',
      'なにも かわって いません。',
      '',
      'あなた なら、ここから ログイン して ください。',
      signInUrl,
      'パスワードを わすれた ときは、おなじ ページで あたらしく できます。',
      '',
      'あなた では ない ときは、この メールを けして ください。',
    ].join('\n'),
  }),
});
