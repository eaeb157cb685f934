/**
 * Age and sex as clinicians write them: `74 y/o F`, `58-year-old man`, `57yo f`, `Age: 74`,
 * `58 YEAR OLD FEMALE`, `3-month-old`, `Sex: F`, `Gender: Male`. The first explicit mention wins;
 * pronouns are a fallback only when they are used consistently.
 */
import type { Demographics, Span } from './types';

const AGE =
  /\b(\d{1,3})(?:[ -]?(?:years?|yrs?|y)[ -]?(?:\/|-)?[ -]?o(?:ld)?\b\.?|[ -]?yo\b|[ -](?:year|yr)s?[ -]old\b|[ -]?y\/o\b)|\b(\d{1,2})[ -](months?|weeks?|days?)[ -]old\b|\b(?:age|aged)[ \t]*:?[ \t]*(\d{1,3})\b/gi;
const SEX_AFTER_AGE = /^[ \t,]*(?:(?:old|yo|y\/o)[ \t]+)?(female|male|woman|man|girl|boy|lady|gentleman|f|m)\b/i;
const SEX_LABEL = /\b(?:sex|gender)[ \t]*:[ \t]*(female|male|f|m)\b/gi;
const SEX_WORD = /\b(female|male|woman|man|girl|boy|gentleman|lady)\b/gi;
const PRONOUN = /\b(she|her|hers|he|him|his)\b/gi;

const FEMALE = new Set(['female', 'woman', 'girl', 'lady', 'f', 'she', 'her', 'hers']);

function sexOf(word: string): 'female' | 'male' {
  return FEMALE.has(word.toLowerCase()) ? 'female' : 'male';
}

/** Finds age and sex in the note. `limit` bounds how far into the note the search goes. */
export function findDemographics(text: string, limit = 20_000): Demographics {
  const head = text.slice(0, limit);
  const out: Demographics = {};

  AGE.lastIndex = 0;
  const m = AGE.exec(head);
  if (m) {
    const years = m[1] ?? m[4];
    if (years !== undefined) {
      const n = Number(years);
      if (n <= 125) out.age = { years: n, span: { start: m.index, end: m.index + m[0].length } };
    } else if (m[2] !== undefined && m[3] !== undefined) {
      const n = Number(m[2]);
      const unit = m[3].toLowerCase();
      const perYear = unit.startsWith('month') ? 12 : unit.startsWith('week') ? 52.18 : 365.25;
      out.age = { years: Math.round((n / perYear) * 100) / 100, span: { start: m.index, end: m.index + m[0].length } };
    }
    if (out.age) {
      const after = head.slice(out.age.span.end, out.age.span.end + 24);
      const s = SEX_AFTER_AGE.exec(after);
      if (s && s[1]) {
        const start = out.age.span.end + s.index + s[0].length - s[1].length;
        out.sex = { value: sexOf(s[1]), span: { start, end: start + s[1].length } };
      }
    }
  }
  if (!out.sex) out.sex = firstMatch(SEX_LABEL, head) ?? firstMatch(SEX_WORD, head) ?? pronounSex(head);
  if (!out.sex) delete out.sex;
  return out;
}

function firstMatch(re: RegExp, text: string): Demographics['sex'] {
  re.lastIndex = 0;
  const m = re.exec(text);
  if (!m || !m[1]) return undefined;
  const start = m.index + m[0].length - m[1].length;
  return { value: sexOf(m[1]), span: { start, end: start + m[1].length } };
}

/** Pronouns decide only when one sex is used at least 3 times as often as the other (and 3+ times). */
function pronounSex(text: string): Demographics['sex'] {
  let female = 0;
  let male = 0;
  let firstF: Span | undefined;
  let firstM: Span | undefined;
  PRONOUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PRONOUN.exec(text)) !== null) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (sexOf(m[0]) === 'female') {
      female++;
      firstF ??= span;
    } else {
      male++;
      firstM ??= span;
    }
  }
  if (female >= 3 && female >= 3 * male && firstF) return { value: 'female', span: firstF };
  if (male >= 3 && male >= 3 * female && firstM) return { value: 'male', span: firstM };
  return undefined;
}
