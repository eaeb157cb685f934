/**
 * Pregnancy dating from the last menstrual period: estimated due date (Naegele's rule adjusted
 * for cycle length), estimated conception date and gestational age.
 */
import { addDays, addMonths, daysBetween, formatDate } from './dateMath';
import { BadInputError, defineCalculator, fmt } from './inputs';
import type { InputSpec } from './types';

const LMP: InputSpec = { key: 'lmp', label: 'Last menstrual period', kind: 'date', medcalc: ['Last menstrual date'] };
const CYCLE: InputSpec = { key: 'cycleLength', label: 'Cycle length (days)', kind: 'number', unit: 'days', optional: true, medcalc: ['cycle length'] };
const STANDARD_CYCLE = 28;
/**
 * Naegele's rule proper counts calendar months (LMP + 1 year − 3 months + 7 days, 280-283 days
 * depending on the months spanned); ACOG Committee Opinion 700 and most EHRs and dating wheels
 * add a flat 280 days. They differ by up to 3 days, so the rule is a choice.
 */
const DATING_RULES = ["Naegele's rule (calendar)", 'LMP + 280 days (ACOG)'] as const;
const PREGNANCY_DAYS = 280;
/** Ovulation falls about 14 days before the next period, whatever the cycle length. */
const LUTEAL_PHASE_DAYS = 14;

export const dueDate = defineCalculator({
  id: 'due-date',
  name: "Estimated Due Date (Naegele's rule)",
  medcalc: { ids: [13], name: 'Estimated Due Date' },
  output: 'date',
  reference: { title: "Naegele FC. Lehrbuch der Geburtshülfe (1830); ACOG Committee Opinion 700, Methods for estimating the due date (2017)", url: 'https://doi.org/10.1097/AOG.0000000000002046' },
  inputs: [
    LMP,
    CYCLE,
    { key: 'datingRule', label: 'Dating rule', kind: 'choice', choices: [...DATING_RULES], synonyms: { [DATING_RULES[0]]: ['Naegele', 'calendar'], [DATING_RULES[1]]: ['280 days', '40 weeks', 'ACOG'] }, optional: true, convention: true },
  ],
  run(v) {
    const lmp = v.date('lmp');
    const cycle = v.optNum('cycleLength') ?? STANDARD_CYCLE;
    const flat = v.optChoice('datingRule') === DATING_RULES[1];
    const base = flat ? addDays(lmp, PREGNANCY_DAYS) : addDays(addMonths(lmp, 9), 7);
    const due = addDays(base, cycle - STANDARD_CYCLE);
    return {
      value: formatDate(due),
      lines: [
        flat ? `LMP ${formatDate(lmp)} + ${PREGNANCY_DAYS} days = ${formatDate(base)}.` : `Naegele: LMP ${formatDate(lmp)} + 1 year − 3 months + 7 days = ${formatDate(base)}.`,
        `Cycle ${fmt(cycle)} days: ${cycle >= STANDARD_CYCLE ? '+' : '−'} ${fmt(Math.abs(cycle - STANDARD_CYCLE))} days → ${formatDate(due)}.`,
      ],
    };
  },
});

export const conceptionDate = defineCalculator({
  id: 'conception-date',
  name: 'Estimated Date of Conception',
  medcalc: { ids: [68], name: 'Estimated of Conception' },
  output: 'date',
  reference: { title: 'ACOG Committee Opinion 700: Methods for estimating the due date (2017); ovulation ≈ 14 days before the next menses', url: 'https://doi.org/10.1097/AOG.0000000000002046' },
  inputs: [LMP, CYCLE],
  run(v) {
    const lmp = v.date('lmp');
    const cycle = v.optNum('cycleLength') ?? STANDARD_CYCLE;
    const offset = cycle - LUTEAL_PHASE_DAYS;
    const date = addDays(lmp, offset);
    return { value: formatDate(date), lines: [`Conception ≈ LMP + (cycle − 14) days = ${formatDate(lmp)} + ${fmt(offset)} days = ${formatDate(date)}.`] };
  },
});

export const gestationalAge = defineCalculator({
  id: 'gestational-age',
  name: 'Gestational Age (from LMP)',
  medcalc: { ids: [69], name: 'Estimated Gestational Age' },
  output: 'integer',
  reference: { title: 'ACOG Committee Opinion 700: Methods for estimating the due date (2017)', url: 'https://doi.org/10.1097/AOG.0000000000002046' },
  inputs: [LMP, { key: 'currentDate', label: 'Current date', kind: 'date', medcalc: ['Current Date'] }],
  run(v) {
    const lmp = v.date('lmp');
    const today = v.date('currentDate');
    const days = daysBetween(lmp, today);
    if (days < 0) throw new BadInputError(`current date ${formatDate(today)} is before the last menstrual period ${formatDate(lmp)}`);
    const weeks = Math.floor(days / 7);
    return {
      value: days,
      unit: 'days',
      lines: [`${formatDate(today)} − ${formatDate(lmp)} = ${days} days = ${weeks} weeks ${days % 7} days.`],
    };
  },
});
