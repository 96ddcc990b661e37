// Serves dist/ with `vite preview` on 127.0.0.1 for the browser benchmarks.
import { preview } from 'vite';

/** Starts `vite preview` (the production build, with its CSP header) and returns its URL. */
export async function startPreview(port) {
  const server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    stop: () => server.httpServer.close(),
  };
}
