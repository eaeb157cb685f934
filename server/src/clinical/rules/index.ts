/** The built-in rule set, in the order rules run. Each rule lives in its own file. */
import type { Rule } from '../findings';
import { inputNotAnalysed } from './inputNotAnalysed';

export const RULES: readonly Rule[] = [inputNotAnalysed];
