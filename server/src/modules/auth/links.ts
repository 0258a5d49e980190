import type { AppConfig } from '../../config.ts';

/** Web pages that emailed links open (the page then calls the API with the token). */
export const linkPaths = {
  verifyEmail: '/verify-email',
  signInLink: '/signin/link',
  resetPassword: '/reset-password',
  acceptInvitation: '/invitations/accept',
} as const;

export function linkTo(config: AppConfig, page: keyof typeof linkPaths, token: string): string {
  return `${config.publicOrigin}${linkPaths[page]}?token=${encodeURIComponent(token)}`;
}
