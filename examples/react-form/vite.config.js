// Two pages: index.html (react-hook-form) and tanstack.html (TanStack Form).
import { defineConfig } from 'vite';

export default defineConfig({
  // `vite dev` must not pre-bundle mailinfra: its glue finds the .wasm next to itself.
  optimizeDeps: { exclude: ['mailinfra'] },
  // In this checkout `mailinfra` links to bindings-wasm/pkg, outside this folder.
  server: { fs: { allow: ['.', '../../bindings-wasm/pkg'] } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    target: 'es2022', // top-level await (`await init()` before the first render)
    rollupOptions: { input: { rhf: 'index.html', tanstack: 'tanstack.html' } },
  },
});
