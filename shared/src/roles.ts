import { z } from 'zod';

/** DOMAIN.md roles. One person may hold several. */
export const roles = ['volunteer', 'officer', 'municipal_staff', 'foundation_staff'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const languages = ['ja', 'en', 'ja-easy'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;
