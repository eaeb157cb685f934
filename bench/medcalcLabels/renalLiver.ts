/** Disputed MedCalc-Bench labels: renalLiver calculators (see ./types.ts for the kinds). */
import type { LabelDispute } from './types';

export const RENAL_LIVER: readonly LabelDispute[] = [
  // Cockcroft-Gault (corrected label 9): no reading of the note gives 9 mL/min.
  //   Entities: creatinine 183 µmol/L = 2.070 mg/dL; BMI 50 / 1.6² = 19.5 (normal), IBW 45.5 + 2.3 × (62.99 − 60) = 52.4 kg, so
  //   min(IBW, actual) = 50 kg; CrCl = (140 − 51) × 50 × 0.85 / (72 × 2.070) = 25.38 mL/min.
  //   The note's weight when that creatinine was drawn is 39 kg (50 kg is the weight at follow-up years later): BMI 15.2 (underweight),
  //   so actual weight: (140 − 51) × 39 × 0.85 / (72 × 2.070) = 19.8 mL/min, still far from 9. A CrCl of 9 would need a creatinine
  //   of 4.55 mg/dL (402 µmol/L) at 39 kg, which the note never gives.
  { row: 3, medcalcId: 2, label: "9", lower: "8.549999999999999", upper: "9.450000000000001", source: 'corrected', kind: 'label-error', expected: 25.378, entities: {"sex":"Female","age":[51,"years"],"weight":[50.0,"kg"],"height":[160.0,"cm"],"creatinine":[183.0,"µmol/L"]} },
  // MDRD (corrected label 37.08): the note gives a series of creatinines; the entities took the last (106 µmol/L, at follow-up two years
  //   later), the label the value on the day of the renal hospitalization (175 µmol/L), when the patient was the stated 43 years old.
  //   Entities: 106 µmol/L = 1.197 mg/dL; eGFR = 175 × 1.197^−1.154 × 43^−0.203 = 66.14 mL/min/1.73 m².
  //   Label's reading: 175 µmol/L = 1.979 mg/dL; eGFR = 175 × 1.979^−1.154 × 43^−0.203 = 37.09 mL/min/1.73 m².
  { row: 153, medcalcId: 9, label: "37.08", lower: "35.226", upper: "38.934", source: 'corrected', kind: 'entity-gap', expected: 66.139, entities: {"age":[43,"years"],"creatinine":[106.0,"µmol/L"],"sex":"Male","Race":"White"}, reproduce: { entities: { creatinine: [175, 'µmol/L'] } } },
  // Child-Pugh (corrected label 10): the note documents lethargy, confusion, orientation to self only and asterixis. The entities grade
  //   this 1-2; the label grades it 3-4 (West Haven grade 3: gross disorientation, confusion). The reading is a judgement between
  //   grade 2 (lethargy, asterixis) and grade 3; the label took grade 3.
  //   bilirubin 40.2 µmol/L = 2.35 mg/dL: + 2 (2); albumin 3.1: + 2 (4); INR 2.1: + 2 (6); ascites absent: + 1 (7);
  //   encephalopathy grade 1-2: + 2 (9). With grade 3-4: + 3, total 10.
  { row: 200, medcalcId: 15, label: "10", source: 'corrected', kind: 'entity-gap', expected: 9, entities: {"international normalized ratio":2.1,"Ascites":"absent","Albumin":[3.1,"g/dL"],"Encephalopathy":"Grade 1-2","Bilirubin":[40.2,"µmol/L"]}, reproduce: { entities: { Encephalopathy: 'Grade 3-4' } } },
  // Child-Pugh (corrected label 10): the entities match the note, which documents minimal palpable ascites (slight) and a patient
  //   oriented to self only with hyperreflexia and rigidity (West Haven grade 3 signs; row 200 of the same file grades orientation to
  //   self only as 3-4).
  //   bilirubin 2.45: + 2 (2); albumin 3.1: + 2 (4); INR 2.1: + 2 (6); ascites slight: + 2 (8); encephalopathy grade 3-4: + 3 (11).
  //   The label 10 drops one point: either the documented ascites scored as absent or the grade-3 encephalopathy scored 1-2; the
  //   label does not say which, and neither follows from the note. (The original label, 9, left ascites out of the sum.)
  { row: 202, medcalcId: 15, label: "10", source: 'corrected', kind: 'label-error', expected: 11, entities: {"international normalized ratio":2.1,"Ascites":"slight","Albumin":[3.1,"g/dL"],"Encephalopathy":"Grade 3-4","Bilirubin":[2.45,"mg/dL"]} },
  // Child-Pugh (corrected label 8): the note documents confusion, asterixis and slurred speech in an ambulatory follow-up visit, with
  //   no somnolence or stupor. The entities grade this 3-4; the label grades it 1-2 (asterixis and dysarthria are West Haven grade 2
  //   signs). A judgement call; the label's reading is the better fit.
  //   bilirubin 1.9: + 1 (1); albumin 3.1: + 2 (3); INR 1.8: + 2 (5); ascites not documented: + 1 (6); encephalopathy grade 3-4:
  //   + 3 (9). With grade 1-2: + 2, total 8.
  { row: 219, medcalcId: 15, label: "8", source: 'corrected', kind: 'entity-gap', expected: 9, entities: {"Bilirubin":[1.9,"mg/dL"],"international normalized ratio":1.8,"Albumin":[3.1,"g/dL"],"Encephalopathy":"Grade 3-4"}, reproduce: { entities: { Encephalopathy: 'Grade 1-2' } } },
  // MELD-Na (corrected label 11): the bilirubin 1.11, INR 0.9 and sodium 141 are from the first panel at the outside hospital, drawn with
  //   a creatinine of 1.6 mg/dL; the entities took the creatinine of 1 mg/dL from the follow-up two weeks after discharge.
  //   Entities: Cr 1 (bounded 1), bili 1.11, INR 0.9 → 1, Na 141 → 137; MELD(i) = 10 × (0.957 ln 1 + 0.378 ln 1.11 + 1.120 ln 1 + 0.643)
  //   = 6.8 ≤ 11, so MELD-Na = 7.
  //   Label's reading, Cr 1.6: MELD(i) = 10 × (0.957 ln 1.6 + 0.378 ln 1.11 + 0.643) = 11.3 > 11; Na 137 adds nothing; MELD-Na = 11.
  { row: 341, medcalcId: 23, label: "11", lower: "10.45", upper: "11.55", source: 'corrected', kind: 'entity-gap', expected: 7, entities: {"creatinine":[1.0,"mg/dL"],"Continuous veno-venous hemodialysis for ≥24 hours in the past week":false,"Dialysis at least twice in the past week":false,"international normalized ratio":0.9,"Sodium":[141.0,"mEq/L"],"Bilirubin":[1.11,"mg/dL"]}, reproduce: { entities: { creatinine: [1.6, 'mg/dL'] } } },
  // HOMA-IR (corrected label 2.9): the label copies the score the case report states, which does not follow from the report's own
  //   fasting glucose and insulin.
  //   HOMA-IR = glucose × insulin / 405 = 165 mg/dL × 4.8 µIU/mL / 405 = 1.956 (in SI: 9.16 mmol/L × 4.8 / 22.5 = 1.95).
  //   2.9 would need an insulin of 7.1 µIU/mL or a glucose of 245 mg/dL.
  { row: 426, medcalcId: 31, label: "2.9", lower: "2.755", upper: "3.045", source: 'corrected', kind: 'label-error', expected: 1.956, entities: {"Glucose":[165.0,"mg/dL"],"Insulin":[4.8,"µIU/mL"]} },
  // LDL calculated (corrected label 110.21): the label is the directly reported LDL (2.85 mmol/L × 38.67 = 110.2 mg/dL), not the
  //   Friedewald calculation the calculator asks for (and that rows 512, 517, 518, 520 of the same file keep).
  //   TC 4.75 mmol/L = 183.66 mg/dL, HDL 1.03 mmol/L = 39.83 mg/dL, TG 1.09 mmol/L = 96.54 mg/dL;
  //   LDL = 183.66 − 39.83 − 96.54/5 = 124.53 mg/dL. (The original label, 137.38, rounded 4.75 mmol to 0.005 mol.)
  { row: 513, medcalcId: 44, label: "110.21", lower: "104.69949999999999", upper: "115.7205", source: 'corrected', kind: 'label-error', expected: 124.526, entities: {"high-density lipoprotein cholesterol":[1.03,"mmol/L"],"Triglycerides":[1.09,"mmol/L"],"Total cholesterol":[4.75,"mmol/L"]} },
  // LDL calculated (corrected label 177): the label is the reported measured LDL. No TC-based estimate can give it: 177 exceeds the
  //   non-HDL cholesterol 210 − 37 = 173 mg/dL.
  //   Friedewald: LDL = 210 − 37 − 97/5 = 153.6 mg/dL.
  { row: 514, medcalcId: 44, label: "177", lower: "168.15", upper: "185.85", source: 'corrected', kind: 'label-error', expected: 153.6, entities: {"high-density lipoprotein cholesterol":[37.0,"mg/dL"],"Triglycerides":[97.0,"mg/dL"],"Total cholesterol":[210.0,"mg/dL"]} },
  // LDL calculated (corrected label 128): the label is the reported LDL; it would imply VLDL = 177 − 38 − 128 = 11 mg/dL for
  //   triglycerides of 100 (TG/VLDL 9.1), where the note itself reports a VLDL of 20 (= TG/5).
  //   Friedewald: LDL = 177 − 38 − 100/5 = 119 mg/dL.
  { row: 519, medcalcId: 44, label: "128", lower: "121.6", upper: "134.4", source: 'corrected', kind: 'label-error', expected: 119, entities: {"Total cholesterol":[177.0,"mg/dL"],"Triglycerides":[100.0,"mg/dL"],"high-density lipoprotein cholesterol":[38.0,"mg/dL"]} },
  // LDL calculated (corrected label 88): the label is the reported LDL; it would imply VLDL = 231 − 34 − 88 = 109 mg/dL for
  //   triglycerides of 188 (TG/VLDL 1.7, below every Martin-Hopkins factor, 3.1-11.9).
  //   Friedewald: LDL = 231 − 34 − 188/5 = 159.4 mg/dL.
  { row: 522, medcalcId: 44, label: "88", lower: "83.6", upper: "92.4", source: 'corrected', kind: 'label-error', expected: 159.4, entities: {"Total cholesterol":[231.0,"mg/dL"],"Triglycerides":[188.0,"mg/dL"],"high-density lipoprotein cholesterol":[34.0,"mg/dL"]} },
  // LDL calculated (corrected label 152): the label is the reported LDL; it would imply VLDL = 195 − 24 − 152 = 19 mg/dL for
  //   triglycerides of 171 (TG/VLDL 9, against 5 in Friedewald).
  //   Friedewald: LDL = 195 − 24 − 171/5 = 136.8 mg/dL.
  { row: 526, medcalcId: 44, label: "152", lower: "144.4", upper: "159.6", source: 'corrected', kind: 'label-error', expected: 136.8, entities: {"high-density lipoprotein cholesterol":[24.0,"mg/dL"],"Triglycerides":[171.0,"mg/dL"],"Total cholesterol":[195.0,"mg/dL"]} },
  // LDL calculated (corrected label 106): the label is the reported LDL. No TC-based estimate can give it: 106 exceeds the
  //   non-HDL cholesterol 162 − 64 = 98 mg/dL.
  //   Friedewald: LDL = 162 − 64 − 33/5 = 91.4 mg/dL.
  { row: 530, medcalcId: 44, label: "106", lower: "100.69999999999999", upper: "111.30000000000001", source: 'corrected', kind: 'label-error', expected: 91.4, entities: {"Total cholesterol":[162.0,"mg/dL"],"Triglycerides":[33.0,"mg/dL"],"high-density lipoprotein cholesterol":[64.0,"mg/dL"]} },
];
