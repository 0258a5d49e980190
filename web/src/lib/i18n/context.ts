import { createContext } from 'svelte';
import type { Translator } from './translator.ts';

/**
 * The current translator, set once by the root layout and read by any component with
 * `const i18n = getI18n();` then `{i18n.t('some.key')}` in markup.
 */
export const [getI18n, setI18n] = createContext<Translator>();
