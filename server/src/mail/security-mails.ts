import type { SignInPageVars } from './account-mail-vars.ts';
import { addressed } from './compose.ts';

/**
 * Warnings about someone else's attempts on a person's account, in ja, en and やさしい日本語.
 * Calm wording: a wrong password is often the owner's own typing; say what to do either way.
 */

/** Several wrong passwords for this account (sent at most once in some hours). */
export const passwordAttemptsMail = addressed<SignInPageVars>({
  ja: ({ signInUrl }) => ({
    subject: '間違ったパスワードでのログインが何度かありました',
    body: [
      'あなたのアカウントに、間違ったパスワードでログインしようとする操作が何度かありました。',
      'パスワードが合わない間は、ログインを少しずつ待っていただく仕組みになっています。',
      '',
      'パスワードがなくても、次のページの「メールでログイン」から、すぐにログインできます。',
      signInUrl,
      'お心当たりがない場合は、同じページからパスワードの再設定をおすすめします。',
      '',
      'ご自身で入力を間違えただけでしたら、このメールは削除してください。',
    ].join('\n'),
  }),
  en: ({ signInUrl }) => ({
    subject: 'Several sign-ins with a wrong password',
    body: [
      'Someone tried several times to sign in to your account with a wrong password.',
      'After wrong passwords, password sign-in asks for a short wait before the next try.',
      '',
      'You can still sign in at once with a link sent by email ("Sign in by email") on this page:',
      signInUrl,
      'If it was not you, we recommend resetting your password from the same page.',
      '',
      'If you simply mistyped your password, you can delete this mail.',
    ].join('\n'),
  }),
  'ja-easy': ({ signInUrl }) => ({
    subject: 'まちがった パスワードで ログイン しようと しました',
    body: [
      'あなたの アカウントに、まちがった パスワードで なんかいも ログイン しようと しました。',
      '',
      'メールで ログイン する ことも できます。',
      'この ページの「メールで ログイン」を おして ください。',
      signInUrl,
      'あなたでは ない ときは、おなじ ページで パスワードを かえて ください。',
      '',
      'あなたが まちがえた だけ なら、この メールは けして ください。',
    ].join('\n'),
  }),
});

interface ChangedVars {
  displayName: string;
  /** when, already formatted for the reader's language */
  when: string;
  signInUrl: string;
}

/** Notice after a password change or reset. */
export const passwordChangedMail = addressed<ChangedVars>({
  ja: ({ when, signInUrl }) => ({
    subject: 'パスワードが変更されました',
    body: [
      `まちの腕きき掲示板のパスワードが変更されました（${when}）。`,
      '安全のため、それまでのログインは終了しました。',
      '',
      'ご自身で変更した場合は、何もする必要はありません。',
      'お心当たりがない場合は、すぐに次のページから、パスワードを再設定してください。',
      signInUrl,
    ].join('\n'),
  }),
  en: ({ when, signInUrl }) => ({
    subject: 'Your password was changed',
    body: [
      `The password of your Machi no Udekiki Board account was changed (${when}).`,
      'For your safety, earlier sign-ins have been ended.',
      '',
      'If you changed it yourself, there is nothing more to do.',
      'If you did not, please reset your password now from this page:',
      signInUrl,
    ].join('\n'),
  }),
  'ja-easy': ({ when, signInUrl }) => ({
    subject: 'パスワードが かわりました',
    body: [
      `パスワードが かわりました（${when}）。`,
      'まえの ログインは おわりました。',
      '',
      'あなたが かえた ときは、なにも しなくて いいです。',
      'あなたが かえて いない ときは、すぐに ここから パスワードを あたらしく して ください。',
      signInUrl,
    ].join('\n'),
  }),
});
