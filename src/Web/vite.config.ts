import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Built into the gateway's static files; file names carry a content hash, so the gateway can
// let browsers cache /assets/* for ever while index.html is always revalidated.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: '../Gateway/wwwroot',
    emptyOutDir: true,
    // No inline polyfill script: the gateway's Content-Security-Policy forbids inline code.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': 'http://localhost:5080',
      '/hubs': { target: 'http://localhost:5080', ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
  },
});
