/** Every end-to-end scenario, in the order they run. Add a feature's scenario here. */
import type { Scenario } from '../harness/scenario';
import { commandPalette } from './commandPalette';
import { diagnostics } from './diagnostics';
import { languageMode } from './languageMode';
import { quickFix } from './quickFix';
import { triageLens } from './triageLens';
import { walkthrough } from './walkthrough';

export const SCENARIOS: readonly Scenario[] = [languageMode, triageLens, diagnostics, quickFix, commandPalette, walkthrough];
