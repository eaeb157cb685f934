/**
 * Automatic calculators over a parsed note: the public surface of `clinical/autoCalc`.
 */
export { autoCalculate, prefillInputs, type AutoResult, type Prefill } from './autoCalc';
export { conditionStatus, findConditions, isAffirmed, type ConditionIndex, type ConditionMention, type ConditionStatus } from './conditions';
export { AUTO_CALCULATORS, type AutoCalcEntry, type Trigger } from './table';
