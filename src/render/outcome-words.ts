// The practitioner's words and colours for each screening outcome and plan status, in one
// place for every terminal renderer (plan text, rules show). Colour only underlines: the
// word is always there.
import type { Outcome } from '../rules/vocabulary.js';
import { OUTCOMES } from '../rules/vocabulary.js';
import type { Status } from '../engine/types.js';
import type { Paint } from './paint.js';

export interface Words {
  word: string;
  colour: keyof Paint;
  meaning: string;
}

export const OUTCOME_WORDS: Record<Outcome, Words> = {
  block: { word: 'BLOCK', colour: 'red', meaning: 'not eligible' },
  clearance: { word: 'CLEARANCE', colour: 'yellow', meaning: 'physician clearance first' },
  defer: { word: 'DEFER', colour: 'yellow', meaning: 'wait, then treat' },
  modify: { word: 'MODIFY', colour: 'cyan', meaning: 'the plan is changed' },
  caution: { word: 'CAUTION', colour: 'yellow', meaning: 'treat with care' },
};

/** Most serious first: the order OUTCOMES lists them in. */
export const outcomeRank = (outcome: Outcome): number => OUTCOMES.indexOf(outcome);

export const STATUS_WORDS: Record<Status, Words> = {
  ready: { word: 'READY', colour: 'green', meaning: 'screened; nothing in the rules stands in the way of treatment' },
  'needs-clearance': { word: 'NEEDS CLEARANCE', colour: 'yellow', meaning: 'a physician must approve before the first session (see Findings)' },
  unscreened: { word: 'UNSCREENED', colour: 'yellow', meaning: 'screening not completed: ask every screening question before the first session' },
  'not-eligible': { word: 'NOT ELIGIBLE', colour: 'red', meaning: 'do not treat now; refer or wait (see Findings)' },
};
