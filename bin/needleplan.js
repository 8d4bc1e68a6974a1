#!/usr/bin/env node
// A bare --help is printed from the text the build wrote (nothing else to load); everything
// else goes to the program, bundled for start-up (see scripts/bundle.mjs).
import { fastHelp } from '../dist/cli/fast-help.js';

if (!fastHelp(process.argv)) (await import('../dist/bundle/main.js')).main(process.argv);
