/**
 * Hand-built parsed notes for the score tests: the text is written out, and each vital or lab
 * points at the characters that hold it, so tests do not depend on the parsers' details.
 */
import { emptyNote } from '../../../server/src/note/parseNote';
import { findSections } from '../../../server/src/note/sections';
import type {
  Assertion,
  BloodPressureVital,
  ClinicalNote,
  ConsciousnessVital,
  LabResult,
  NumericVital,
  OxygenSupport,
  Span,
  Vital,
} from '../../../server/src/note/types';

/** Span of the `nth` occurrence of `needle` in `text`; throws when absent (a broken fixture). */
export function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${needle}" #${nth} not in text`);
  }
  return { start: at, end: at + needle.length };
}

/** A parsed note with the given vitals (and other fields), sections found by the real parser. */
export function model(text: string, vitals: Vital[] = [], extra: Partial<ClinicalNote> = {}): ClinicalNote {
  return { ...emptyNote(text.length), sections: findSections(text), ...extra, vitals };
}

type NumericKind = NumericVital['kind'];

function numeric(kind: NumericKind, unit: string, text: string, value: number, needle: string, nth: number): NumericVital {
  const valueSpan = spanOf(text, needle, nth);
  return { kind, value, unit, span: valueSpan, valueSpan };
}

/** Vital builders: `needle` is the text of the value in the note (defaults to the number). */
export const vital = {
  hr: (text: string, value: number, needle = String(value), nth = 0) => numeric('heart-rate', '/min', text, value, needle, nth),
  rr: (text: string, value: number, needle = String(value), nth = 0) => numeric('respiratory-rate', '/min', text, value, needle, nth),
  temp: (text: string, value: number, needle = String(value), nth = 0) => numeric('temperature', '°C', text, value, needle, nth),
  pain: (text: string, value: number, needle = String(value), nth = 0) => numeric('pain', '/10', text, value, needle, nth),
  spo2(text: string, value: number, oxygen?: { supplemental: boolean; needle: string }, needle = String(value), nth = 0): NumericVital {
    const v = numeric('spo2', '%', text, value, needle, nth);
    if (oxygen) {
      const o: OxygenSupport = { supplemental: oxygen.supplemental, span: spanOf(text, oxygen.needle) };
      v.oxygen = o;
    }
    return v;
  },
  bp(text: string, systolic: number, diastolic: number, needle = `${systolic}/${diastolic}`, nth = 0): BloodPressureVital {
    const valueSpan = spanOf(text, needle, nth);
    return { kind: 'blood-pressure', systolic, diastolic, span: valueSpan, valueSpan };
  },
  loc(text: string, fields: Pick<ConsciousnessVital, 'acvpu' | 'gcs' | 'newConfusion'>, needle: string, nth = 0): ConsciousnessVital {
    const valueSpan = spanOf(text, needle, nth);
    return { kind: 'consciousness', ...fields, span: valueSpan, valueSpan };
  },
};

/** A lab result whose canonical value equals the written one. */
export function lab(text: string, analyte: string, value: number, unit: string, needle = String(value), nth = 0): LabResult {
  const valueSpan = spanOf(text, needle, nth);
  return {
    analyte,
    display: analyte,
    span: valueSpan,
    nameSpan: valueSpan,
    valueSpan,
    value,
    unit,
    unitAssumed: false,
    canonical: { value, unit },
  };
}

/** An assertion function that says every mention is affirmed, current and about the patient. */
export const allAffirmed = (): Assertion => ({ certainty: 'affirmed', temporality: 'recent', experiencer: 'patient', cues: [] });

/** The text under a span. */
export const slice = (text: string, span: Span | undefined): string => (span ? text.slice(span.start, span.end) : '<none>');
