/**
 * Upper GI bleeding: the Glasgow-Blatchford score.
 */
import { BUN, HEART_RATE, SBP, SEX, flag } from './common';
import { defineCalculator, fmt } from './inputs';
import { Tally } from './tally';

/** BUN (mg/dL) to blood urea (mmol/L): urea nitrogen 28.02 g/mol, so mmol/L = mg/dL / 2.8. */
const BUN_MG_DL_PER_UREA_MMOL_L = 2.8;

export const glasgowBlatchford = defineCalculator({
  id: 'glasgow-blatchford',
  name: 'Glasgow-Blatchford Bleeding Score',
  medcalc: { ids: [27], name: 'Glasgow-Blatchford Bleeding Score (GBS)' },
  output: 'integer',
  reference: { title: 'Blatchford O, Murray WR, Blatchford M. A risk score to predict need for treatment for upper-gastrointestinal haemorrhage. Lancet 2000;356:1318-1321', url: 'https://doi.org/10.1016/S0140-6736(00)02816-6' },
  inputs: [
    BUN,
    { key: 'hemoglobin', label: 'Haemoglobin', kind: 'concentration', analyte: 'hemoglobin', unit: 'g/dL', medcalc: ['Hemoglobin'] },
    SEX,
    SBP,
    HEART_RATE,
    flag('melena', 'Melaena', 'Melena present'),
    flag('syncope', 'Syncope', 'Recent syncope'),
    flag('hepaticDisease', 'Hepatic disease', 'Hepatic disease history'),
    flag('cardiacFailure', 'Cardiac failure', 'Cardiac failure present'),
  ],
  run(v) {
    const t = new Tally();
    const urea = v.num('bun') / BUN_MG_DL_PER_UREA_MMOL_L;
    t.add(urea >= 25 ? 6 : urea >= 10 ? 4 : urea >= 8 ? 3 : urea >= 6.5 ? 2 : 0, `blood urea ${fmt(urea, 2)} mmol/L (BUN ${fmt(urea * BUN_MG_DL_PER_UREA_MMOL_L)} mg/dL)`);
    const hb = v.num('hemoglobin');
    const male = v.choice('sex') === 'Male';
    const hbPoints = male ? (hb >= 13 ? 0 : hb >= 12 ? 1 : hb >= 10 ? 3 : 6) : hb >= 12 ? 0 : hb >= 10 ? 1 : 6;
    t.add(hbPoints, `haemoglobin ${fmt(hb)} g/dL (${male ? 'man' : 'woman'})`);
    const sbp = v.num('systolicBp');
    t.add(sbp >= 110 ? 0 : sbp >= 100 ? 1 : sbp >= 90 ? 2 : 3, `systolic BP ${fmt(sbp)} mm Hg`);
    const hr = v.num('heartRate');
    t.add(hr >= 100 ? 1 : 0, `pulse ${fmt(hr)} (≥ 100)`);
    t.flag(v, 'melena', 1);
    t.flag(v, 'syncope', 2);
    t.flag(v, 'hepaticDisease', 2);
    t.flag(v, 'cardiacFailure', 2);
    return t.result('Glasgow-Blatchford');
  },
});
