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
      // Page weight (issue 14): the browser asks the server which route a path is
      // (`<path>/__route.js`, once per path) instead of loading a table of every route and its
      // files with the first page: −4.7 KB gzip JavaScript on every page.
      router: { resolution: 'server' },
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
  environments: {
    client: {
      build: {
        rolldownOptions: {
          // rolldown's condition for a group that leaves its modules' dependencies where they are
          preserveEntrySignatures: 'allow-extension',
          output: {
            codeSplitting: {
              // Page weight (issue 14): our components and helpers that 15 or more pages use (of
              // ~56) go into one chunk instead of a small file each (each costs its own request,
              // gzip start and import list): the board loads 27 scripts instead of 44.
              // Only those modules, not what they import: with their dependencies the group took
              // SvelteKit's runtime into the chunk its start script imports, so `$app/environment`
              // read the app's version before SvelteKit had set it; every navigation to a page
              // showing a failure then looked like a new deployment and reloaded, losing the
              // failure (a spent reset link's error vanished).
              includeDependenciesRecursively: false,
              groups: [{ name: 'common', test: /[\\/](web|shared)[\\/]src[\\/]/, minShareCount: 15 }],
            },
          },
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: apiTarget } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget } },
  },
});
