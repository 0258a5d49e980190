import { z } from 'zod';

/** The starting set of help-request categories (DOMAIN.md); staff may disable some per municipality. */
export const categoryKeys = [
  'it_digital', // IT・デジタル
  'design_flyers', // デザイン・チラシ
  'photo_video', // 写真・動画
  'translation', // 翻訳・やさしい日本語
  'event_running', // イベント運営
  'manual_labour', // 力仕事・設営
  'disaster_prevention', // 防災
  'children_learning', // 子ども・学習
  'elderly_support', // 高齢者の見守り・支援
  'admin_accounting', // 事務・会計
  'pr_social', // 広報・SNS
  'other', // その他
] as const;
export const Category = z.enum(categoryKeys);
export type Category = z.infer<typeof Category>;
