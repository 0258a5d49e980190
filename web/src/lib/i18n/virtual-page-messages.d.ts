/** Written by web/vite/page-messages.ts at build time; `null` under `pnpm dev`. */
declare module 'virtual:page-messages' {
  const scan: {
    /** route id → the message keys its pages use */
    routes: Record<string, string[]>;
    /** the keys of a page with no route (404) */
    noRoute: string[];
  } | null;
  export default scan;
}
