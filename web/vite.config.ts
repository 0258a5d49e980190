import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pageMessages } from './vite/page-messages.ts';
import { pureShared } from './vite/pure-shared.ts';

/** Where `pnpm dev` forwards browser requests for `/api/*` (the Fastify API server). */
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 3001}`;

export default defineConfig({
  plugins: [
    sveltekit({
      // Output: build/handler.js, mounted by the API server (one process, one port).
      adapter: adapter(),
      csp: {
        // nonces for server-rendered pages, hashes for any prerendered ones
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self'],
          // the one inline style SvelteKit itself writes: the visually hidden route announcer
          // (`#svelte-announcer` in @sveltejs/kit/src/runtime/components/root.svelte; app.css hides
          // it too, should this hash go stale after an upgrade)
          'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
          'img-src': ['self', 'data:'],
          'font-src': ['self'],
          'connect-src': ['self'],
          'form-action': ['self'],
          'base-uri': ['self'],
          'object-src': ['none'],
          'frame-ancestors': ['none'],
        },
      },
    }),
    pageMessages(),
    pureShared(fileURLToPath(new URL('../shared/src/', import.meta.url))),
  ],
  server: {
    proxy: { '/api': { target: apiTarget } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget } },
  },
});
