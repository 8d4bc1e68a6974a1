#!/usr/bin/env node
// The start-up bundle: esbuild turns dist/'s module tree (and the packages it imports) into
// a few ESM chunks under dist/bundle/, split at every lazy import(), so `--help` and `plan`
// open a handful of files instead of ~150 (zod alone is 99). bin/needleplan.js runs it.
// --keep-names: commander tells its errors apart by class name. libsql stays external:
// it is a native module, and only the records commands load it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// commander requires node:child_process at load for executable subcommands, which
// needleplan has none of; compiling that builtin was a sixth of plan's start-up. It gets a
// stand-in that loads the real module on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${'/'}node_modules/commander/`) ? { path: 'lazy-child-process', namespace: 'needleplan' } : undefined,
    );
    build.onLoad({ filter: /^lazy-child-process$/, namespace: 'needleplan' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

// zod re-exports every message locale (60-odd, most of its 800 KB) through z.locales, and a
// namespace re-export defeats tree-shaking. needleplan words its own messages and zod's
// default is English, so the bundle gets a locales module holding English alone.
const englishZod = {
  name: 'english-zod',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'/'}node_modules/zod/`) ? { path: fileURLToPath(new URL('zod-locales.mjs', import.meta.url)) } : undefined,
    );
  },
};
rmSync(`${root}/dist/bundle`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'dist/cli/main.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  keepNames: true,
  minify: true,
  external: ['libsql'],
  define: { NEEDLEPLAN_BUNDLED: 'true' },
  // Some CommonJS packages call require(); give the ESM chunks one.
  banner: { js: "import { createRequire as __needleplanRequire } from 'node:module'; const require = __needleplanRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [englishZod, lazyChildProcess],
});
