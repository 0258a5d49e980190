import type { MunicipalitySettingsView } from '@board/shared';

/**
 * A municipality's contact desk as its staff typed it (plain text, line breaks kept), with the
 * municipality's names. A page's load returns `contactDesks` (see app.d.ts `PageData`) for the
 * site footer of that municipality's pages.
 */
export type ContactDesk = Pick<MunicipalitySettingsView, 'code' | 'nameJa' | 'nameKana' | 'nameEn' | 'contactDesk'>;
