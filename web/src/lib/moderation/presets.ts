import type { MessageKey } from '#lib/i18n/catalogue.ts';

/**
 * Ready-made reasons for "ask for changes": a radio choice whose text fills the reason box with
 * JavaScript, and is sent as the reason without it when the box is left empty.
 */
export const reasonPresets = ['dateUnclear', 'privateInPublic', 'moreDetail', 'offTopic'] as const;

export const presetKey = (preset: (typeof reasonPresets)[number]) => `moderation.presets.${preset}` as MessageKey;

/** The reason to send: what was typed, else the ready-made reason chosen (no-JS fallback). */
export function reasonFrom(form: FormData): string {
  const typed = form.get('reason');
  const chosen = form.get('preset');
  if (typeof typed === 'string' && typed.trim() !== '') return typed;
  return typeof chosen === 'string' ? chosen : '';
}
