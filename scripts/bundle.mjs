#!/usr/bin/env node
// The start-up bundle: rollup turns dist/'s module tree, commander and zod into a few ESM
// chunks under dist/bundle/, split at every lazy import() and with chunks under 50 KB merged
// into the chunk that loads them (esbuild's splitting left 28 files on plan's path, and
// opening each one cost more than the bytes), then esbuild minifies each chunk (keep-names:
// commander tells its errors apart by class name). `plan` opens 5 files instead of ~150
// (zod alone is 99). bin/needleplan.js runs it. Every other package (inquirer, csv, marked,
// ics, libsql, ...) is loaded from node_modules by the command that needs it.
import { rollup } from 'rollup';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const bundled = /^(commander|zod)(\/|$)/;

const needleplan = {
  name: 'needleplan',
  resolveId(source, importer) {
    // zod re-exports every message locale (most of its size) through z.locales; needleplan
    // words its own messages and zod's default is English: English alone is bundled.
    if (/\/locales\/index\.js$/.test(source) && importer?.includes('/node_modules/zod/')) return '\0english-zod';
    if (source === 'needleplan:lazy-child-process') return '\0lazy-child-process';
    return null;
  },
  load(id) {
    if (id === '\0english-zod') return `export { default as en } from ${JSON.stringify(`${root}/node_modules/zod/v4/locales/en.js`)};`;
    // commander requires node:child_process at load for executable subcommands, which
    // needleplan has none of; compiling that builtin was a sixth of plan's start-up.
    if (id === '\0lazy-child-process')
      return "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); let real; export default new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });";
    return null;
  },
  transform(code, id) {
    if (id.endsWith('/node_modules/commander/lib/command.js'))
      return code.replace("require('node:child_process')", "require('needleplan:lazy-child-process')");
    // package-root.ts: in the bundle every chunk sits two folders below the package root.
    if (code.includes('NEEDLEPLAN_BUNDLED')) return code.replace(/typeof NEEDLEPLAN_BUNDLED !== 'undefined' && NEEDLEPLAN_BUNDLED/g, 'true');
    return null;
  },
  async renderChunk(code) {
    const out = await transform(code, { minify: true, keepNames: true, format: 'esm', target: 'node20' });
    return { code: out.code, map: null };
  },
};

rmSync(`${root}/dist/bundle`, { recursive: true, force: true });
const bundle = await rollup({
  input: { main: `${root}/dist/cli/main.js` },
  external: (id) =>
    builtins.has(id) || (!id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !id.startsWith('needleplan:') && !bundled.test(id)),
  plugins: [
    needleplan,
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs({ ignoreDynamicRequires: true, requireReturnsDefault: (id) => id === '\0lazy-child-process' }),
  ],
  logLevel: 'warn',
  onwarn(warning, warn) {
    // zod's own notes to esbuild, and cycles inside packages, are not ours to act on.
    if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code ?? '')) return;
    warn(warning);
  },
});
await bundle.write({
  dir: `${root}/dist/bundle`,
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
  experimentalMinChunkSize: 50_000,
});
await bundle.close();
