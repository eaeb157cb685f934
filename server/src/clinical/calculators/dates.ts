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
/** Ovulation falls about 14 days before the next period, whatever the cycle length. */
const LUTEAL_PHASE_DAYS = 14;

export const dueDate = defineCalculator({
  id: 'due-date',
  name: "Estimated Due Date (Naegele's rule)",
  medcalc: { ids: [13], name: 'Estimated Due Date' },
  output: 'date',
  reference: { title: "Naegele FC. Lehrbuch der Geburtshülfe (1830); ACOG Committee Opinion 700, Methods for estimating the due date (2017)", url: 'https://doi.org/10.1097/AOG.0000000000002046' },
  inputs: [LMP, CYCLE],
  run(v) {
    const lmp = v.date('lmp');
    const cycle = v.optNum('cycleLength') ?? STANDARD_CYCLE;
    const naegele = addDays(addMonths(lmp, 9), 7);
    const due = addDays(naegele, cycle - STANDARD_CYCLE);
    return {
      value: formatDate(due),
      lines: [
        `Naegele: LMP ${formatDate(lmp)} + 1 year − 3 months + 7 days = ${formatDate(naegele)}.`,
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
