/** Disputed MedCalc-Bench labels: drugsDates calculators (see ./types.ts for the kinds). */
import type { LabelDispute } from './types';

// MME (id 49). The calculator defaults to the CDC 2022 factors (Dowell 2022, Table 1: hydromorphone
// × 5, tramadol × 0.2, methadone × 4.7 flat); the original labels use them too. The corrected labels
// below use the CDC 2016 conversion file instead (hydromorphone × 4, tramadol × 0.1, methadone tiered
// by daily dose: ≤ 20 mg × 4, 21-40 × 8, 41-60 × 10, > 60 × 12); the other factors used here
// (codeine 0.15, hydrocodone 1, morphine 1, oxycodone 1.5, oxymorphone 3, tapentadol 0.4, buccal
// fentanyl 0.13 per µg, patch 2.4 per µg/h) are the same in both. The calculator offers the 2016
// table as its `guideline` choice, which reproduces every one of these labels. Caveat: the corrected
// file is not uniform: rows 992 and 1007 (methadone 100 mg/day) keep methadone × 4.7 (2022), where
// the 2016 table would give × 12; our CDC 2022 default agrees with those two rows.
const MME_2016 = { guideline: 'CDC 2016' };

export const DRUGS_DATES: readonly LabelDispute[] = [
  // MME, corrected label uses the CDC 2016 tramadol factor (0.1, not 0.2). (The note writes the buccal
  // fentanyl dose in mg; entities and both labels read it as µg.)
  //   CDC 2022: tapentadol 50 × 0.4 = 20; tramadol 50 × 0.2 = 10; buccal fentanyl 20 µg × 2 = 40 µg × 0.13 = 5.2; total 35.2.
  //   CDC 2016: 20 + tramadol 50 × 0.1 = 5 + 5.2 = 30.2 (the label).
  { row: 988, medcalcId: 49, label: '30.2', lower: '28.689999999999998', upper: '31.71', source: 'corrected', kind: 'convention', expected: 35.2, entities: {"Tapentadol Dose":[50,"mg"],"Tapentadol Dose Per Day":[1,"per day"],"TraMADol Dose":[50,"mg"],"TraMADol Dose Per Day":[1,"per day"],"FentaNYL buccal Dose":[20,"µg"],"FentaNYL buccal Dose Per Day":[2,"per day"]}, reproduce: { inputs: MME_2016 } },
  // MME, corrected label uses the CDC 2016 hydromorphone factor (4, not 5).
  //   CDC 2022: hydromorphone 60 × 5 = 300; tapentadol 30 × 3 = 90 × 0.4 = 36; oxymorphone 10 × 3 = 30 × 3 = 90; total 426.
  //   CDC 2016: hydromorphone 60 × 4 = 240 + 36 + 90 = 366 (the label).
  { row: 990, medcalcId: 49, label: '366', lower: '347.7', upper: '384.3', source: 'corrected', kind: 'convention', expected: 426, entities: {"HYDROmorphone Dose":[60,"mg"],"HYDROmorphone Dose Per Day":[1,"per day"],"Tapentadol Dose":[30,"mg"],"Tapentadol Dose Per Day":[3,"per day"],"OxyMORphone Dose":[10,"mg"],"OxyMORphone Dose Per Day":[3,"per day"]}, reproduce: { inputs: MME_2016 } },
  // MME, corrected label uses the CDC 2016 hydromorphone factor (4, not 5). (Patch strength written in
  // mg in the note and entities; both labels read it as 60 µg/h.)
  //   CDC 2022: fentanyl patch 60 × 2.4 = 144; hydromorphone 20 × 3 = 60 × 5 = 300; buccal fentanyl 30 × 2 = 60 µg × 0.13 = 7.8; total 451.8.
  //   CDC 2016: 144 + hydromorphone 60 × 4 = 240 + 7.8 = 391.8 (the label).
  { row: 991, medcalcId: 49, label: '391.8', lower: '372.21', upper: '411.39000000000004', source: 'corrected', kind: 'convention', expected: 451.8, entities: {"FentANYL patch Dose":[60,"mg"],"FentANYL patch Dose Per Day":[1,"per day"],"HYDROmorphone Dose":[20,"mg"],"HYDROmorphone Dose Per Day":[3,"per day"],"FentaNYL buccal Dose":[30,"µg"],"FentaNYL buccal Dose Per Day":[2,"per day"]}, reproduce: { inputs: MME_2016 } },
  // MME, corrected label uses the CDC 2016 hydromorphone factor (4, not 5).
  //   CDC 2022: oxycodone 60 × 1.5 = 90; hydromorphone 70 × 2 = 140 × 5 = 700; codeine 10 × 2 = 20 × 0.15 = 3; total 793.
  //   CDC 2016: 90 + hydromorphone 140 × 4 = 560 + 3 = 653 (the label).
  { row: 993, medcalcId: 49, label: '653', lower: '620.35', upper: '685.65', source: 'corrected', kind: 'convention', expected: 793, entities: {"OxyCODONE Dose":[60,"mg"],"OxyCODONE Dose Per Day":[1,"per day"],"HYDROmorphone Dose":[70,"mg"],"HYDROmorphone Dose Per Day":[2,"per day"],"Codeine Dose":[10,"mg"],"Codeine Dose Per Day":[2,"per day"]}, reproduce: { inputs: MME_2016 } },
  // MME, corrected label uses the CDC 2016 methadone tier (40 mg/day, 21-40 mg/day: × 8, not × 4.7).
  //   CDC 2022: methadone 40 × 4.7 = 188; tapentadol 10 × 0.4 = 4; oxymorphone 30 × 2 = 60 × 3 = 180; total 372.
  //   CDC 2016: methadone 40 × 8 = 320 + 4 + 180 = 504 (the label).
  { row: 996, medcalcId: 49, label: '504', lower: '478.79999999999995', upper: '529.2', source: 'corrected', kind: 'convention', expected: 372, entities: {"Methadone Dose":[40,"mg"],"Methadone Dose Per Day":[1,"per day"],"Tapentadol Dose":[10,"mg"],"Tapentadol Dose Per Day":[1,"per day"],"OxyMORphone Dose":[30,"mg"],"OxyMORphone Dose Per Day":[2,"per day"]}, reproduce: { inputs: MME_2016 } },
  // MME, corrected label uses the CDC 2016 methadone tier (30 mg/day, 21-40 mg/day: × 8, not × 4.7).
  //   CDC 2022: codeine 20 × 3 = 60 × 0.15 = 9; methadone 10 × 3 = 30 × 4.7 = 141; hydrocodone 70 × 2 = 140; total 290.
  //   CDC 2016: 9 + methadone 30 × 8 = 240 + 140 = 389 (the label).
  { row: 997, medcalcId: 49, label: '389', lower: '369.54999999999995', upper: '408.45000000000005', source: 'corrected', kind: 'convention', expected: 290, entities: {"Codeine Dose":[20,"mg"],"Codeine Dose Per Day":[3,"per day"],"Methadone Dose":[10,"mg"],"Methadone Dose Per Day":[3,"per day"],"HYDROcodone Dose":[70,"mg"],"HYDROcodone Dose Per Day":[2,"per day"]}, reproduce: { inputs: MME_2016 } },
  // MME, corrected label uses the CDC 2016 hydromorphone factor (4, not 5). (Patch strength written in
  // mg; both labels read it as 70 µg/h.)
  //   CDC 2022: hydrocodone 10 × 3 = 30; hydromorphone 70 × 2 = 140 × 5 = 700; fentanyl patch 70 × 2.4 = 168; total 898.
  //   CDC 2016: 30 + hydromorphone 140 × 4 = 560 + 168 = 758 (the label).
  { row: 1000, medcalcId: 49, label: '758', lower: '720.1', upper: '795.9', source: 'corrected', kind: 'convention', expected: 898, entities: {"HYDROcodone Dose":[10,"mg"],"HYDROcodone Dose Per Day":[3,"per day"],"HYDROmorphone Dose":[70,"mg"],"HYDROmorphone Dose Per Day":[2,"per day"],"FentANYL patch Dose":[70,"mg"],"FentANYL patch Dose Per Day":[1,"per day"]}, reproduce: { inputs: MME_2016 } },
  // MME, corrected label uses the CDC 2016 tramadol factor (0.1, not 0.2).
  //   CDC 2022: tramadol 70 × 3 = 210 × 0.2 = 42; oxymorphone 30 × 3 = 90 × 3 = 270; morphine 10; total 322.
  //   CDC 2016: tramadol 210 × 0.1 = 21 + 270 + 10 = 301 (the label).
  { row: 1003, medcalcId: 49, label: '301', lower: '285.95', upper: '316.05', source: 'corrected', kind: 'convention', expected: 322, entities: {"TraMADol Dose":[70,"mg"],"TraMADol Dose Per Day":[3,"per day"],"OxyMORphone Dose":[30,"mg"],"OxyMORphone Dose Per Day":[3,"per day"],"Morphine Dose":[10,"mg"],"Morphine Dose Per Day":[1,"per day"]}, reproduce: { inputs: MME_2016 } },

  // Due date (id 13), original label (no corrected one): it adds a flat 280 days (ACOG Committee
  // Opinion 700), as its own explanation shows, where the calculator's default is Naegele's calendar
  // rule (+ 9 months + 7 days), the rule the question names and the one all 18 corrected labels for
  // this calculator follow (e.g. row 934: LMP 05/20/2020 → 02/27/2021, not 02/24/2021 by 280 days).
  // Here the 9 months from 24 March span 275 days, so the two rules differ by 2 days. Both then add
  // cycle − 28 = + 2 days. The calculator offers the 280-day rule as its `datingRule` choice.
  //   Naegele: LMP 03/24/2017 + 1 year − 3 months + 7 days = 12/31/2017; cycle 30 days: + 2 days → 01/02/2018.
  //   280 days: LMP 03/24/2017 + 280 days = 12/29/2017; + 2 days → 12/31/2017 (the label).
  // (Row 929, disputed in ./reviewed.ts, is a label error under either rule: it adds the 4 days a
  // 24-day cycle should subtract.)
  { row: 942, medcalcId: 13, label: '12/31/2017', source: 'original', kind: 'convention', expected: '01/02/2018', entities: {"cycle length":30,"Last menstrual date":"03/24/2017"}, reproduce: { inputs: { datingRule: 'LMP + 280 days (ACOG)' } } },
];
