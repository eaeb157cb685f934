/** The calculator requests: the list with inputs prefilled from the note, and one computation. */
import { CALCULATORS, calculatorById } from '../clinical/calculators/index';
import type { CalcInputs } from '../clinical/calculators/index';
import type { CalculateResult, CalculatorInfo } from '../protocol';
import type { Prefill } from '../clinical/autoCalc/index';

export function calculatorList(prefill: (id: string) => Prefill | undefined): CalculatorInfo[] {
  return CALCULATORS.map((c) => {
    const p = prefill(c.id);
    const required = c.inputs.filter((i) => !i.optional && i.kind !== 'boolean').map((i) => i.label);
    return {
      id: c.id,
      name: c.name,
      reference: c.reference,
      inputs: c.inputs.map((i) => ({
        key: i.key,
        label: i.label,
        kind: i.kind,
        ...(i.unit ? { unit: i.unit } : {}),
        ...(i.choices ? { choices: i.choices } : {}),
        ...(i.optional ? { optional: true } : {}),
        ...(i.convention ? { convention: true } : {}),
      })),
      prefilled: p?.inputs ?? {},
      missing: p ? p.missing : required,
    };
  });
}

/** Runs a calculator; unknown ids and malformed inputs come back as errors, never exceptions. */
export function calculate(id: string, inputs: unknown): CalculateResult {
  const calc = calculatorById(id);
  if (!calc) return { ok: false, error: `Unknown calculator '${id}'.`, missing: [] };
  if (!inputs || typeof inputs !== 'object') return { ok: false, error: 'Inputs must be an object keyed by input.', missing: [] };
  const result = calc.compute(inputs as CalcInputs);
  return result.ok ? { ok: true, value: result.value, ...(result.unit ? { unit: result.unit } : {}), explanation: result.explanation } : result;
}
