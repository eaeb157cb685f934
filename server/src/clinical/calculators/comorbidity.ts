/**
 * Comorbidity burden: the age-adjusted Charlson Comorbidity Index.
 */
import { AGE, flag } from './common';
import { defineCalculator, fmt } from './inputs';
import { Tally } from './tally';

const LIVER = ['None', 'Mild', 'Moderate to severe'];
const DIABETES = ['None or diet-controlled', 'Uncomplicated', 'End-organ damage'];
const TUMOUR = ['None', 'Localized', 'Metastatic'];

/** One-, two- and six-point conditions: [key, label, points, MedCalc keys...]. */
const CONDITIONS: readonly [string, string, number, ...string[]][] = [
  ['mi', 'Myocardial infarction', 1, 'Myocardial infarction'],
  ['chf', 'Congestive heart failure', 1, 'Congestive Heart Faliure', 'Congestive Heart Failure'],
  ['pvd', 'Peripheral vascular disease', 1, 'Peripheral vascular disease'],
  ['dementia', 'Dementia', 1, 'Dementia'],
  ['copd', 'Chronic pulmonary disease', 1, 'Chronic Obstructive Pulmonary Disease'],
  ['connectiveTissue', 'Connective tissue disease', 1, 'Connective tissue disease'],
  ['pepticUlcer', 'Peptic ulcer disease', 1, 'Peptic ulcer disease'],
  ['hemiplegia', 'Hemiplegia', 2, 'Hemiplegia'],
  ['ckd', 'Moderate to severe chronic kidney disease', 2, 'Moderate to severe Chronic Kidney Disease'],
  ['leukemia', 'Leukaemia', 2, 'Leukemia'],
  ['lymphoma', 'Lymphoma', 2, 'Lymphoma'],
  ['aids', 'AIDS', 6, 'AIDS'],
];

export const charlson = defineCalculator({
  id: 'charlson',
  name: 'Charlson Comorbidity Index (age-adjusted)',
  medcalc: { ids: [32], name: 'Charlson Comorbidity Index (CCI)' },
  output: 'integer',
  reference: {
    title: 'Charlson ME, Pompei P, Ales KL, MacKenzie CR. A new method of classifying prognostic comorbidity in longitudinal studies. J Chronic Dis 1987;40:373-383 (age points: Charlson et al., J Clin Epidemiol 1994;47:1245-1251)',
    url: 'https://doi.org/10.1016/0021-9681(87)90171-8',
  },
  inputs: [
    AGE,
    ...CONDITIONS.map(([key, label, , ...medcalc]) => flag(key, label, ...medcalc)),
    flag('cerebrovascular', 'Cerebrovascular accident or TIA', 'Cerebrovascular Accident', 'Transient Ischemic Attacks History'),
    { key: 'liver', label: 'Liver disease', kind: 'choice', choices: LIVER, synonyms: { 'Moderate to severe': ['moderate', 'severe'] }, optional: true, medcalc: ['Liver disease severity'] },
    { key: 'diabetes', label: 'Diabetes mellitus', kind: 'choice', choices: DIABETES, synonyms: { 'None or diet-controlled': ['none', 'diet-controlled'], 'End-organ damage': ['complicated', 'end organ damage'] }, optional: true, medcalc: ['Diabetes mellitus criteria for CCI rule'] },
    { key: 'solidTumor', label: 'Solid tumour', kind: 'choice', choices: TUMOUR, synonyms: { Localized: ['localised', 'local'], Metastatic: ['metastases'] }, optional: true, medcalc: ['Solid tumor'] },
  ],
  run(v) {
    const t = new Tally();
    const age = v.num('age');
    t.add(age >= 80 ? 4 : age >= 70 ? 3 : age >= 60 ? 2 : age >= 50 ? 1 : 0, `age ${fmt(age)} (50-59: 1, 60-69: 2, 70-79: 3, ≥ 80: 4)`);
    for (const [key, , points] of CONDITIONS) t.flag(v, key, points);
    t.flag(v, 'cerebrovascular', 1);
    const liver = v.optChoice('liver') ?? 'None';
    t.add([0, 1, 3][LIVER.indexOf(liver)] ?? 0, `liver disease: ${liver.toLowerCase()}`);
    const dm = v.optChoice('diabetes') ?? DIABETES[0]!;
    t.add(DIABETES.indexOf(dm), `diabetes: ${dm.toLowerCase()}`);
    const tumour = v.optChoice('solidTumor') ?? 'None';
    t.add([0, 2, 6][TUMOUR.indexOf(tumour)] ?? 0, `solid tumour: ${tumour.toLowerCase()}`);
    return t.result('Charlson Comorbidity Index');
  },
});
