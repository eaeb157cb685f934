/** Disputed MedCalc-Bench labels: electrolytes calculators (see ./types.ts for the kinds). */
import type { LabelDispute } from './types';

export const ELECTROLYTES: readonly LabelDispute[] = [
  // Anion gap (entity-gap): the entities pair the admission Na 136 and Cl 101 with the bicarbonate 17 measured days later (no Na or Cl
  //   then); the corrected label uses the admission panel's own bicarbonate 24. From the entities: 136 − (101 + 17) = 18; with the
  //   admission bicarbonate: 136 − (101 + 24) = 11 mEq/L = the label.
  { row: 489, medcalcId: 39, label: "11", lower: "10.45", upper: "11.55", source: 'corrected', kind: 'entity-gap', expected: 18, entities: {"Chloride":[101,"mEq/L"],"Bicarbonate":[17,"mEq/L"],"Sodium":[136,"mEq/L"]}, reproduce: { entities: {"Bicarbonate":[24,"mEq/L"]} } },
  // Anion gap (entity-gap): the entities take the blood-gas calculated bicarbonate 13.5 mmol/L; the corrected label uses the serum CO₂ 18
  //   mEq/L of the same chemistry panel as Na 121 and Cl 89 (the measurement the anion gap is defined on). From the entities:
  //   121 − (89 + 13.5) = 18.5; with the panel's CO₂: 121 − (89 + 18) = 14 mEq/L = the label.
  { row: 495, medcalcId: 39, label: "14", lower: "13.299999999999999", upper: "14.700000000000001", source: 'corrected', kind: 'entity-gap', expected: 18.5, entities: {"Chloride":[89,"mEq/L"],"Bicarbonate":[13.5,"mmol/L"],"Sodium":[121,"mEq/L"]}, reproduce: { entities: {"Bicarbonate":[18,"mEq/L"]} } },

  // Delta gap, calculator 63. MedCalc-Bench's own definition (the original explanations) is ΔAG = AG − 12, and the uncorrected rows 729,
  //   730, 732, 733, 735-738, 740, 741, 744 and the corrected row 728 (14.4 = 26.4 − 12; Wrenn would give −5.0) keep it. Six corrected
  //   rows (734, 739, 742, 743, 746, 747) instead follow Wrenn's delta gap, ΔAG − ΔHCO₃ = (AG − 12) − (24 − HCO₃) (Ann Emerg Med
  //   1990;19:1310), from the same entities: a published variant of the same name, offered as the calculator's `definition` option.
  // Delta gap (label-error): the corrected label takes the note's reported anion gap 20.8, which its own electrolytes cannot give
  //   (134 − (105 + 17) = 12; with K 4.5 it is 16.5), and then Wrenn's definition: (20.8 − 12) − (24 − 17) = 1.8. From the entities:
  //   AG = 12, ΔAG = 12 − 12 = 0 mEq/L (Wrenn: 0 − 7 = −7).
  { row: 731, medcalcId: 63, label: "1.8", lower: "1.71", upper: "1.8900000000000001", source: 'corrected', kind: 'label-error', expected: 0, entities: {"Chloride":[105,"mmol/L"],"Bicarbonate":[17,"mEq/L"],"Sodium":[134,"mmol/L"]} },
  // Delta gap (convention, Wrenn): AG = 135 − (105 + 6) = 24; ΔAG = 24 − 12 = 12; Wrenn: 12 − (24 − 6) = −6 = the label.
  { row: 734, medcalcId: 63, label: "-6", lower: "-6.300000000000001", upper: "-5.699999999999999", source: 'corrected', kind: 'convention', expected: 12, entities: {"Sodium":[135,"mmol/L"],"Chloride":[105,"mmol/L"],"Bicarbonate":[6,"mmol/L"]}, reproduce: { inputs: { definition: 'Wrenn' } } },
  // Delta gap (convention, Wrenn): AG = 142 − (109 + 18.9) = 14.1; ΔAG = 2.1; Wrenn: 2.1 − (24 − 18.9) = −3 = the label.
  { row: 739, medcalcId: 63, label: "-3", lower: "-3.1500000000000004", upper: "-2.8499999999999996", source: 'corrected', kind: 'convention', expected: 2.1, entities: {"Chloride":[109,"mEq/L"],"Bicarbonate":[18.9,"mmol/L"],"Sodium":[142,"mEq/L"]}, reproduce: { inputs: { definition: 'Wrenn' } } },
  // Delta gap (convention, Wrenn): AG = 137 − (98 + 9) = 30; ΔAG = 18; Wrenn: 18 − (24 − 9) = 3 = the label.
  { row: 742, medcalcId: 63, label: "3", lower: "2.8499999999999996", upper: "3.1500000000000004", source: 'corrected', kind: 'convention', expected: 18, entities: {"Chloride":[98,"mmol/L"],"Bicarbonate":[9,"mmol/L"],"Sodium":[137,"mmol/L"]}, reproduce: { inputs: { definition: 'Wrenn' } } },
  // Delta gap (convention, Wrenn): AG = 148 − (108 + 6) = 34; ΔAG = 22; Wrenn: 22 − (24 − 6) = 4 = the label.
  { row: 743, medcalcId: 63, label: "4", lower: "3.8", upper: "4.2", source: 'corrected', kind: 'convention', expected: 22, entities: {"Sodium":[148,"mEq/L"],"Chloride":[108,"mEq/L"],"Bicarbonate":[6,"mEq/L"]}, reproduce: { inputs: { definition: 'Wrenn' } } },
  // Delta gap (label-error): the corrected label takes the note's reported anion gap 13.6, which includes K 2.0 (139.5 + 2.0 − 108 −
  //   19.9 = 13.6), subtracts the potassium-free normal 12 and applies Wrenn's definition: 1.6 − (24 − 19.9) = −2.5. Mixing a
  //   K-inclusive gap with the K-free normal follows neither convention. From the entities: AG = 139.5 − (108 + 19.9) = 11.6, ΔAG =
  //   −0.4 mEq/L (Wrenn: −0.4 − 4.1 = −4.5).
  { row: 745, medcalcId: 63, label: "-2.5", lower: "-2.625", upper: "-2.375", source: 'corrected', kind: 'label-error', expected: -0.4, entities: {"Chloride":[108,"mmol/L"],"Bicarbonate":[19.9,"mmol/L"],"Sodium":[139.5,"mmol/L"]} },
  // Delta gap (convention, Wrenn): AG = 145 − (108 + 18) = 19; ΔAG = 7; Wrenn: 7 − (24 − 18) = 1 = the label.
  { row: 746, medcalcId: 63, label: "1", lower: "0.95", upper: "1.05", source: 'corrected', kind: 'convention', expected: 7, entities: {"Chloride":[108,"mmol/L"],"Bicarbonate":[18,"mmol/L"],"Sodium":[145,"mmol/L"]}, reproduce: { inputs: { definition: 'Wrenn' } } },
  // Delta gap (convention, Wrenn): AG = 134 − (104 + 22) = 8; ΔAG = −4; Wrenn: −4 − (24 − 22) = −6 = the label.
  { row: 747, medcalcId: 63, label: "-6", lower: "-6.300000000000001", upper: "-5.699999999999999", source: 'corrected', kind: 'convention', expected: -4, entities: {"Chloride":[104,"mEq/L"],"Bicarbonate":[22,"mEq/L"],"Sodium":[134,"mEq/L"]}, reproduce: { inputs: { definition: 'Wrenn' } } },

  // Delta ratio (entity-gap, ambiguous note): no chemistry CO₂ is given, only a venous HCO₃ 28.2 and an arterial HCO₃ 25.7; the entities
  //   take the venous value, the corrected label the arterial one. Venous: AG = 139 − (104 + 28.2) = 6.8, ratio (6.8 − 12)/(24 − 28.2) =
  //   1.238; arterial: AG = 139 − (104 + 25.7) = 9.3, ratio −2.7/−1.7 = 1.588 ≈ the label 1.59.
  { row: 748, medcalcId: 64, label: "1.59", lower: "1.5105", upper: "1.6695000000000002", source: 'corrected', kind: 'entity-gap', expected: 1.238, entities: {"Chloride":[104,"mmol/L"],"Bicarbonate":[28.2,"mmol/L"],"Sodium":[139,"mmol/L"]}, reproduce: { entities: {"Bicarbonate":[25.7,"mmol/L"]} } },
  // Delta ratio (label-error): the corrected label takes the blood-gas analyser's anion gap 16.9, computed on the analyser's own Na and Cl
  //   (not in the note), with the gas HCO₃ 7.2: (16.9 − 12)/(24 − 7.2) = 0.29. The note's only Na 134 and Cl 100 give AG = 134 −
  //   (100 + 7.2) = 26.8, ratio (26.8 − 12)/(24 − 7.2) = 14.8/16.8 = 0.881.
  { row: 749, medcalcId: 64, label: "0.29", lower: "0.27549999999999997", upper: "0.3045", source: 'corrected', kind: 'label-error', expected: 0.881, entities: {"Sodium":[134,"mEq/L"],"Bicarbonate":[7.2,"mmol/L"],"Chloride":[100,"mEq/L"]} },
  // Delta ratio (label-error): the corrected label uses the lab's reported, whole-number anion gap 18 instead of the gap of the same
  //   panel's electrolytes: (18 − 12)/(24 − 13.7) = 0.583. From the entities: AG = 129 − (97 + 13.7) = 18.3, ratio 6.3/10.3 = 0.612.
  { row: 757, medcalcId: 64, label: "0.58", lower: "0.5509999999999999", upper: "0.609", source: 'corrected', kind: 'label-error', expected: 0.612, entities: {"Sodium":[129,"mEq/L"],"Bicarbonate":[13.7,"mEq/L"],"Chloride":[97,"mEq/L"]} },
  // Delta ratio (label-error): the corrected label uses the note's reported anion gap 28, which its own panel cannot give (131 − (104 +
  //   6) = 21; with K 6.2 it is 27.2): (28 − 12)/(24 − 6) = 0.889. From the entities: (21 − 12)/(24 − 6) = 9/18 = 0.5.
  { row: 758, medcalcId: 64, label: "0.89", lower: "0.8454999999999999", upper: "0.9345000000000001", source: 'corrected', kind: 'label-error', expected: 0.5, entities: {"Chloride":[104,"mmol/L"],"Bicarbonate":[6,"mEq/L"],"Sodium":[131,"mmol/L"]} },
  // Delta ratio (entity-gap, ambiguous note): the note gives three panels years apart; the entities take the one at discharge after
  //   chemotherapy (Na 124.6, Cl 96, HCO₃ 18.6: AG 10, ratio −2/5.4 = −0.37), the corrected label the latest presentation (Na 133, Cl
  //   98, HCO₃ 25.8): AG = 133 − (98 + 25.8) = 9.2, ratio (9.2 − 12)/(24 − 25.8) = −2.8/−1.8 = 1.556 ≈ the label 1.56.
  { row: 761, medcalcId: 64, label: "1.56", lower: "1.482", upper: "1.6380000000000001", source: 'corrected', kind: 'entity-gap', expected: -0.37, entities: {"Chloride":[96,"mEq/L"],"Bicarbonate":[18.6,"mEq/L"],"Sodium":[124.6,"mEq/L"]}, reproduce: { entities: {"Sodium":[133,"mEq/L"],"Chloride":[98,"mEq/L"],"Bicarbonate":[25.8,"mEq/L"]} } },

  // Sodium correction (convention, Hillier): the original label uses Hillier's 2.4 per 100 mg/dL; the physicians re-labelled every
  //   other row of calculator 26 with Katz's 1.6 but left this one. Katz: 127 + 0.016 × (1240 − 100) = 145.24; Hillier: 127 + 0.024 ×
  //   1140 = 154.36 = the label.
  { row: 375, medcalcId: 26, label: "154.36", lower: "146.642", upper: "162.078", source: 'original', kind: 'convention', expected: 145.24, entities: {"Sodium":[127,"mEq/L"],"Glucose":[1240,"mg/dL"]}, reproduce: { inputs: { factor: 'Hillier' } } },
];
