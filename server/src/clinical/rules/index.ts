/** The built-in rule set, in the order rules run. Each rule lives in its own file. */
import type { Rule } from '../findings';
import { criticalValue } from './criticalValues';
import { allergiesNotDocumented, medicationIncomplete, missingAssessmentPlan } from './documentationGaps';
import { doNotUseAbbreviation } from './doNotUse';
import { implausibleValue } from './implausibleValues';
import { doseRange } from './doseRange';
import { drugAllergyConflict } from './drugAllergy';
import { duplicateTherapy } from './duplicateTherapy';
import { inputNotAnalysed } from './inputNotAnalysed';
import { errorProneAbbreviation } from './ismpAbbreviations';

export const RULES: readonly Rule[] = [
  inputNotAnalysed,
  doNotUseAbbreviation,
  errorProneAbbreviation,
  drugAllergyConflict,
  duplicateTherapy,
  doseRange,
  criticalValue,
  implausibleValue,
  missingAssessmentPlan,
  allergiesNotDocumented,
  medicationIncomplete,
];
