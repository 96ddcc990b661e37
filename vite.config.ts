import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Content-Security-Policy of the built app. Scripts only from the app's origin: no inline
 * scripts (hence modulePreload.polyfill: false below) and no eval (the CEL interpreter is a tree
 * walker). Styles only from style sheets: React and React Flow set element styles through the
 * CSSOM (element.style), which style-src does not govern, so no 'unsafe-inline' is needed.
 * No connections anywhere but the app's origin (the simulator never talks to a network).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Adds the policy as a <meta> to the built index.html, so it holds on any static host and in
 * `vite preview`. Not in development: Vite's dev server injects inline scripts and styles.
 * `vite preview` also sends it as a header, with frame-ancestors (which a <meta> cannot carry).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'krf:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after <meta charset>: a policy applies only to what follows it.
      handler: (html) =>
        html.replace(
          /<meta charset="UTF-8" \/>/i,
          (charset) =>
            `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        ),
    },
  };
}

/**
 * The chunks src/main.tsx imports as soon as it runs (the store, the engine, the starter world)
 * are announced with `<link rel="modulepreload">`, so the browser fetches them in parallel with
 * the entry instead of after it has run. They still count as initial JS (scripts/bundle-size.mjs).
 */
function preloadStartUpChunks(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let startUpIds: readonly string[] = [];
  return {
    name: 'krf:preload-start-up-chunks',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = config.build.outDir;
    },
    buildEnd() {
      const main = [...this.getModuleIds()].find((id) => id.endsWith('/src/main.tsx'));
      startUpIds = main === undefined ? [] : (this.getModuleInfo(main)?.dynamicallyImportedIds ?? []);
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const files = new Set<string>();
        // Each start-up chunk and the chunks it imports statically (the entry is loaded anyway).
        const add = (chunk: (typeof chunks)[number] | undefined) => {
          if (chunk === undefined || chunk.isEntry || files.has(chunk.fileName)) return;
          files.add(chunk.fileName);
          for (const file of chunk.imports) add(chunks.find((c) => c.fileName === file));
        };
        for (const id of startUpIds) add(chunks.find((c) => c.moduleIds.includes(id)));
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
    // For scripts/bundle-size.mjs: the start-up imports, as keys of dist/.vite/manifest.json.
    writeBundle() {
      const keys = startUpIds.map((id) => relative(root, id).split(sep).join('/'));
      writeFileSync(join(outDir, '.vite', 'start-up.json'), `${JSON.stringify(keys, null, 2)}\n`);
    },
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * Writes dist/sw-precache.js, which public/sw.js imports: every file of the build (the app shell,
 * every lazy chunk, the icons) and a version derived from their contents, so a new deploy
 * changes this file and the browser installs the new worker.
 */
function serviceWorkerPrecache(): Plugin {
  let outDir = 'dist';
  return {
    name: 'krf:service-worker-precache',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle: {
      order: 'post',
      handler() {
        const skip = new Set(['sw.js', 'sw-precache.js', 'index.html']);
        const files = listFiles(outDir)
          .map((file) => relative(outDir, file).split(sep).join('/'))
          .filter((file) => !skip.has(file) && !file.startsWith('.vite/'))
          .sort();
        const urls = ['/', ...files.map((file) => `/${file}`)];
        const hash = createHash('sha256');
        for (const file of ['index.html', ...files])
          hash.update(file).update(readFileSync(join(outDir, file)));
        const version = hash.digest('hex').slice(0, 12);
        writeFileSync(
          join(outDir, 'sw-precache.js'),
          `// Generated by vite.config.ts (serviceWorkerPrecache): what public/sw.js caches on install.\nself.PRECACHE = ${JSON.stringify({ version, urls }, null, 2)};\n`,
        );
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), preloadStartUpChunks(), serviceWorkerPrecache()],
  build: {
    // dist/.vite/manifest.json: scripts/bundle-size.mjs follows it to count the initial JS.
    manifest: true,
    // The polyfill is an inline script, which the Content-Security-Policy (script-src 'self')
    // forbids; every browser the app supports has native modulepreload.
    modulePreload: { polyfill: false },
  },
  preview: {
    headers: { 'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'` },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
