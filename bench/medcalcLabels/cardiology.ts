/** Disputed MedCalc-Bench labels: cardiology calculators (see ./types.ts for the kinds). */
import type { LabelDispute } from './types';

export const CARDIOLOGY: readonly LabelDispute[] = [
  // CHA₂DS₂-VASc, entity gap: the note's admission is an acute ischaemic stroke (multiple new infarcts on DWI in both circulations,
  //   with dysarthria and facial palsy); the entities have no 'Stroke' key. The corrected label counts the index stroke.
  //   From the entities: age 68 (65-74): + 1; female: + 1; hypertension: + 1; CHA₂DS₂-VASc = 3.
  //   With the stroke: 3 + 2 (stroke, TIA or thromboembolism) = 5 = the label.
  { row: 42, medcalcId: 4, label: "5", lower: "4.75", upper: "5.25", source: 'corrected', kind: 'entity-gap', expected: 3, entities: {"sex":"Female","Thromboembolism history":false,"Hypertension history":true,"Diabetes history":false,"Vascular disease history":false,"age":[68,"years"],"Congestive Heart Faliure":false}, reproduce: { entities: {"Stroke":true} } },
  // CHA₂DS₂-VASc, entity gap: the note documents a left basal ganglia infarction ten months earlier (then started on warfarin);
  //   the entities say 'Stroke': false.
  //   From the entities: age 75 (≥ 75): + 2; male: 0; hypertension: + 1; CHA₂DS₂-VASc = 3.
  //   With the prior stroke: 3 + 2 = 5 = the label.
  { row: 45, medcalcId: 4, label: "5", lower: "4.75", upper: "5.25", source: 'corrected', kind: 'entity-gap', expected: 3, entities: {"sex":"Male","age":[75,"years"],"Congestive Heart Faliure":false,"Hypertension history":true,"Stroke":false,"Transient Ischemic Attacks History":false,"Thromboembolism history":false,"Vascular disease history":false,"Diabetes history":false}, reproduce: { entities: {"Stroke":true} } },
  // CHA₂DS₂-VASc, entity gap: the only thrombus in the note is a procedural one, in the sinus-node artery during RCA stenting; the
  //   score's 'T' is prior stroke, TIA or systemic thromboembolism (Lip 2010), which the note does not document. The entities
  //   say 'Thromboembolism history': true.
  //   From the entities: age 56: 0; female: + 1; hypertension: + 1; thromboembolism: + 2; vascular disease (prior RCA stenting, MI): + 1;
  //   diabetes: + 1; CHA₂DS₂-VASc = 6.
  //   Without the thromboembolism: 6 − 2 = 4 = the label.
  { row: 46, medcalcId: 4, label: "4", lower: "3.8", upper: "4.2", source: 'corrected', kind: 'entity-gap', expected: 6, entities: {"sex":"Female","Thromboembolism history":true,"Hypertension history":true,"Diabetes history":true,"Vascular disease history":true,"age":[56,"years"]}, reproduce: { entities: {"Thromboembolism history":false} } },
  // CHA₂DS₂-VASc, entity gap: the note's 'hypertension' is portal hypertension (biliary atresia, varices, hypersplenism); the score's
  //   'H' is systemic hypertension, and the note gives none. The entities say 'Hypertension history': true.
  //   From the entities: age 21: 0; female: + 1; hypertension: + 1; CHA₂DS₂-VASc = 2.
  //   Without systemic hypertension: 1 = the label.
  { row: 47, medcalcId: 4, label: "1", lower: "0.95", upper: "1.05", source: 'corrected', kind: 'entity-gap', expected: 2, entities: {"sex":"Female","age":[21,"years"],"Congestive Heart Faliure":false,"Hypertension history":true,"Stroke":false,"Transient Ischemic Attacks History":false,"Thromboembolism history":false,"Vascular disease history":false,"Diabetes history":false}, reproduce: { entities: {"Hypertension history":false} } },
  // CHA₂DS₂-VASc, entity gap: the note's presentation is an acute ischaemic stroke (right hemiparesis, aphasia, NIHSS 4, thrombolysed;
  //   symptoms resolved within 48 h, so stroke or TIA, 2 points either way); the entities say 'Stroke': false. The corrected label
  //   counts the index event.
  //   From the entities: age 83 (≥ 75): + 2; male: 0; hypertension: + 1; diabetes: + 1; CHA₂DS₂-VASc = 4.
  //   With the stroke: 4 + 2 = 6 = the label.
  { row: 60, medcalcId: 4, label: "6", lower: "5.699999999999999", upper: "6.300000000000001", source: 'corrected', kind: 'entity-gap', expected: 4, entities: {"sex":"Male","age":[83,"years"],"Congestive Heart Faliure":false,"Hypertension history":true,"Stroke":false,"Transient Ischemic Attacks History":false,"Vascular disease history":false,"Diabetes history":true}, reproduce: { entities: {"Stroke":true} } },
  // RCRI, entity gap: the note gives creatinine 180 µmol/L = 180 / 88.4 = 2.04 mg/dL, above Lee's > 2.0 mg/dL (177 µmol/L); the
  //   entities round it to 2 mg/dL, which is not > 2.
  //   From the entities: high-risk surgery: + 1; heart failure: + 1; creatinine 2 (not > 2): 0; RCRI = 2.
  //   With 180 µmol/L: 2 + 1 = 3 = the label.
  { row: 257, medcalcId: 17, label: "3", lower: "2.8499999999999996", upper: "3.1500000000000004", source: 'corrected', kind: 'entity-gap', expected: 2, entities: {"Congestive Heart Failure criteria for the Cardiac Risk Index rule":true,"Elevated-risk surgery":true,"History of ischemic heart disease":false,"Pre-operative creatinine":[2,"mg/dL"],"History of cerebrovascular disease":false,"Cerebrovascular disease history":false,"Pre-operative treatment with insulin":false}, reproduce: { entities: {"Pre-operative creatinine":[180,"µmol/L"]} } },
  // RCRI, entity gap: the note documents congestive heart failure on regular medication (euvolaemic today); Lee's criterion is a
  //   history of heart failure, so it counts. The entities say it is absent.
  //   From the entities: high-risk surgery (EVAR): + 1; cerebrovascular disease (TIA): + 1; insulin: + 1; creatinine 2.3 (> 2): + 1;
  //   RCRI = 4.
  //   With heart failure: 4 + 1 = 5 = the label.
  { row: 259, medcalcId: 17, label: "5", lower: "4.75", upper: "5.25", source: 'corrected', kind: 'entity-gap', expected: 4, entities: {"Congestive Heart Failure criteria for the Cardiac Risk Index rule":false,"Elevated-risk surgery":true,"History of ischemic heart disease":false,"Pre-operative treatment with insulin":true,"Pre-operative creatinine":[2.3,"mg/dL"],"History of cerebrovascular disease":true,"Cerebrovascular disease history":false}, reproduce: { entities: {"Congestive Heart Failure criteria for the Cardiac Risk Index rule":true} } },
  // HEART, entity gap: the entities keep the pre-test baseline (no chest pain, normal ECG); the label scores the event the note
  //   describes: chest tightness on exertion during the stress test (highly suspicious) and an ECG with ST elevation in I, aVL,
  //   V5-V6 and reciprocal ST depression (significant ST deviation).
  //   From the entities: history slight: 0; ECG normal: 0; age 77 (≥ 65): + 2; risk factors hypertension, hypercholesterolaemia (1-2):
  //   + 1 (ex-smoker for 36 years does not count); troponin I 11.17 vs < 0.05 ng/mL (> 3× normal): + 2; HEART = 5.
  //   With the event: 5 + 2 (history) + 2 (ECG) = 9 = the label.
  { row: 265, medcalcId: 18, label: "9", lower: "8.549999999999999", upper: "9.450000000000001", source: 'corrected', kind: 'entity-gap', expected: 5, entities: {"age":[77,"years"],"Hypertension history":true,"hypercholesterolemia":true,"smoking":false,"parent or sibling with Cardiovascular disease before age 65":false,"atherosclerotic disease":false,"Initial troponin":"greater than three times normal limit","Suspicion History":"Slightly suspicious","Electrocardiogram Test":"Normal","Diabetes mellitus criteria for CCI rule":false,"obesity":false}, reproduce: { entities: {"Suspicion History":"Highly suspicious","Electrocardiogram Test":"Significant ST deviation"} } },
  // HEART, entity gap: the note gives BMI 30.7 kg/m², which is obesity (BMI > 30) in the HEART risk factors; the entities say
  //   'obesity': false.
  //   From the entities: history slight: 0; ECG non-specific repolarization: + 1; age 53 (45-64): + 1; no risk factors: 0; troponin
  //   normal: 0; HEART = 2.
  //   With obesity (one risk factor): 2 + 1 = 3 = the label.
  { row: 273, medcalcId: 18, label: "3", lower: "2.8499999999999996", upper: "3.1500000000000004", source: 'corrected', kind: 'entity-gap', expected: 2, entities: {"age":[53,"years"],"Hypertension history":false,"Transient Ischemic Attacks History":false,"Suspicion History":"Slightly suspicious","Electrocardiogram Test":"Non-specific repolarization disturbance","Diabetes mellitus criteria for CCI rule":false,"obesity":false,"atherosclerotic disease":false,"Initial troponin":"less than or equal to normal limit","hypercholesterolemia":false,"smoking":false,"parent or sibling with Cardiovascular disease before age 65":false}, reproduce: { entities: {"obesity":true} } },
  // HAS-BLED, entity gap: the only drug in the note is an anticoagulant; HAS-BLED's 'D' is concomitant antiplatelet agents or NSAIDs
  //   (Pisters 2010), not the anticoagulant the score is meant to weigh. The entities say a bleeding-predisposing drug is present.
  //   Ambiguous: the note gives no blood pressure for the treated hypertension; the label 2 is also reached by dropping 'H' instead
  //   (treated read as controlled) and counting the anticoagulant, but that departs from the published 'D'.
  //   From the entities: age 33: 0; hypertension: + 1; prior major bleeding: + 1; drugs: + 1; alcohol 4/week (< 8): 0; HAS-BLED = 3.
  //   Without the drug: 3 − 1 = 2 = the label.
  { row: 348, medcalcId: 25, label: "2", lower: "1.9", upper: "2.1", source: 'corrected', kind: 'entity-gap', expected: 3, entities: {"Stroke":false,"Hypertension history":true,"age":[33,"years"],"Medication usage predisposing to bleeding":true,"Liver disease criteria for the HAS-BLED rule":false,"Number of Alcoholic Drinks Per Week":4,"Labile international normalized ratio":false,"Renal disease criteria for the HAS-BLED rule":false,"Prior major bleeding or predisposition to bleeding":true}, reproduce: { entities: {"Medication usage predisposing to bleeding":false} } },
  // HAS-BLED, entity gap: the only drug in the note is an anticoagulant, not an antiplatelet agent or NSAID (Pisters 2010 'D'; see
  //   row 348). Ambiguous 'H': the note reports a history of uncontrolled hypertension now well controlled; the label counts it
  //   (a strict reading of 'SBP > 160 now' would drop it too and give 3). Counting the anticoagulant and dropping 'H' also gives 4,
  //   but departs from the published 'D'.
  //   From the entities: age 75 (> 65): + 1; hypertension: + 1; prior stroke: + 1; labile INR: + 1; drugs: + 1; alcohol 5/week: 0;
  //   HAS-BLED = 5.
  //   Without the drug: 5 − 1 = 4 = the label.
  { row: 349, medcalcId: 25, label: "4", lower: "3.8", upper: "4.2", source: 'corrected', kind: 'entity-gap', expected: 5, entities: {"Labile international normalized ratio":true,"Liver disease criteria for the HAS-BLED rule":false,"Stroke":true,"Hypertension history":true,"Number of Alcoholic Drinks Per Week":5,"Renal disease criteria for the HAS-BLED rule":false,"Medication usage predisposing to bleeding":true,"age":[75,"years"],"Prior major bleeding or predisposition to bleeding":false}, reproduce: { entities: {"Medication usage predisposing to bleeding":false} } },
  // HAS-BLED, entity gap: HAS-BLED's 'H' is uncontrolled hypertension (SBP > 160 mm Hg, Pisters 2010); the note gives a history of
  //   hypertension with well-controlled readings (118/61). The entities say hypertension is present.
  //   From the entities: age 61: 0; hypertension: + 1; abnormal liver function (cirrhosis): + 1; abnormal renal function (creatinine
  //   3.2 mg/dL): + 1; prior bleeding: + 1; no drugs, no alcohol: 0; HAS-BLED = 4.
  //   Without uncontrolled hypertension: 4 − 1 = 3 = the label.
  { row: 361, medcalcId: 25, label: "3", lower: "2.8499999999999996", upper: "3.1500000000000004", source: 'corrected', kind: 'entity-gap', expected: 4, entities: {"Liver disease criteria for the HAS-BLED rule":true,"Stroke":false,"Hypertension history":true,"Number of Alcoholic Drinks Per Week":0,"Renal disease criteria for the HAS-BLED rule":true,"Medication usage predisposing to bleeding":false,"age":[61,"years"],"Prior major bleeding or predisposition to bleeding":true,"Labile international normalized ratio":false}, reproduce: { entities: {"Hypertension history":false} } },
];
