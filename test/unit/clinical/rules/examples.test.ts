/**
 * The rules on the example notes: the deliberate problems in `hp-medication-safety.cnote` are
 * caught, and the clean notes give only the critical values they truly contain.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Finding } from '../../../../server/src/clinical/findings';
import { criticalValue } from '../../../../server/src/clinical/rules/criticalValues';
import { allergiesNotDocumented, medicationIncomplete, missingAssessmentPlan } from '../../../../server/src/clinical/rules/documentationGaps';
import { doNotUseAbbreviation } from '../../../../server/src/clinical/rules/doNotUse';
import { implausibleValue } from '../../../../server/src/clinical/rules/implausibleValues';
import { errorProneAbbreviation } from '../../../../server/src/clinical/rules/ismpAbbreviations';
import { parseNote } from '../../../../server/src/note/parseNote';
import { applyPreferred } from './ruleFixtures';

const RULES = [doNotUseAbbreviation, errorProneAbbreviation, criticalValue, implausibleValue, missingAssessmentPlan, allergiesNotDocumented, medicationIncomplete];
const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');

function analyse(name: string): { text: string; findings: Finding[] } {
  const text = readFileSync(join(EXAMPLES, name), 'utf8');
  const note = parseNote(text);
  return { text, findings: RULES.flatMap((r) => r.run({ text, note })) };
}

const shown = (text: string, findings: readonly Finding[]): string[] => findings.map((f) => `${f.code} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);

describe('rules on the example notes', () => {
  test('hp-medication-safety: U, trailing zero, QD, MSO4 and the missing leading zero', () => {
    const { text, findings } = analyse('hp-medication-safety.cnote');
    assert.deepEqual(shown(text, findings), [
      'do-not-use-abbreviation critical 5.0',
      'do-not-use-abbreviation critical U',
      'do-not-use-abbreviation warning QD',
      'do-not-use-abbreviation warning MSO4',
      'do-not-use-abbreviation warning .5',
    ]);
    const fixed = applyPreferred(text, findings);
    for (const written of ['Coumadin 5 mg PO daily', 'insulin glargine 10 units subcut', 'lisinopril 10 mg PO daily', 'morphine sulfate 2 mg IV', 'lorazepam 0.5 mg PO']) {
      assert.ok(fixed.includes(written), written);
    }
    assert.deepEqual(doNotUseAbbreviation.run({ text: fixed, note: parseNote(fixed) }), []);
  });

  test('ed-triage-sepsis: only its critical values (SBP 86, lactate 4.3, SpO2 88 % on air per EMS)', () => {
    const { text, findings } = analyse('ed-triage-sepsis.cnote');
    const got = shown(text, findings);
    assert.ok(got.every((s) => s.startsWith('critical-value critical ')), got.join('\n'));
    assert.ok(got.some((s) => s.includes('BP 86/52')), 'SBP 86');
    assert.ok(got.some((s) => s.includes('Lactate 4.3')), 'lactate 4.3');
    for (const s of got) assert.match(s, /BP 86\/52|Lactate 4\.3|88% on RA/);
    const lactate = findings.find((f) => text.slice(f.span.start, f.span.end).startsWith('Lactate'));
    assert.match(lactate?.message ?? '', /^Lactate 4\.3 mmol\/L ≥ 4 mmol\/L: /);
  });

  test('icu-nursing-note: only the desaturation and tachypnoea during the sedation holiday', () => {
    const { text, findings } = analyse('icu-nursing-note.cnote');
    for (const s of shown(text, findings)) assert.match(s, /^critical-value critical (?:RR UP TO 38|SPO2 86%)$/);
  });

  for (const name of ['clinic-visit-diabetes.cnote', 'discharge-summary-pneumonia.cnote', 'progress-note-chf.cnote']) {
    test(`${name}: nothing (CC:, ALT 34 U/L, hs-Troponin, heparin 5,000 units, admission vitals)`, () => {
      const { text, findings } = analyse(name);
      assert.deepEqual(shown(text, findings), []);
    });
  }
});
