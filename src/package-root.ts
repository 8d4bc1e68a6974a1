// Where the installed package's own files are (rules/, dist/, package.json), from any
// module: the tsc build puts this file at dist/package-root.js, the start-up bundle puts
// its code in a chunk under dist/bundle/ (scripts/bundle.mjs turns the NEEDLEPLAN_BUNDLED test into true).
declare const NEEDLEPLAN_BUNDLED: boolean | undefined;

export const PACKAGE_ROOT = new URL(typeof NEEDLEPLAN_BUNDLED !== 'undefined' && NEEDLEPLAN_BUNDLED ? '../../' : '../', import.meta.url);

/** A file of the package, e.g. packageFile('rules/') or packageFile('package.json'). */
export const packageFile = (path: string): URL => new URL(path, PACKAGE_ROOT);
