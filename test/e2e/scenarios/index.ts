/** Every end-to-end scenario, in the order they run. Add a feature's scenario here. */
import type { Scenario } from '../harness/scenario';
import { commandPalette } from './commandPalette';
import { diagnostics } from './diagnostics';
import { inlayHints } from './inlayHints';
import { inlineCompletion } from './inlineCompletion';
import { languageMode } from './languageMode';
import { modelStatus } from './modelStatus';
import { quickFix } from './quickFix';
import { triageLens } from './triageLens';
import { walkthrough } from './walkthrough';

export const SCENARIOS: readonly Scenario[] = [languageMode, triageLens, inlayHints, diagnostics, quickFix, commandPalette, walkthrough, modelStatus, inlineCompletion];
