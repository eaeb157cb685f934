/**
 * Point-score bookkeeping: each criterion adds its points and a line saying why, so every score
 * explains itself the same way.
 */
import { fmt, type InputReader, type Outcome } from './inputs';

/** A running total with one explanation line per criterion. */
export class Tally {
  total = 0;
  private readonly lines: string[] = [];

  /** Adds `points` (may be 0 or negative) for `what`. */
  add(points: number, what: string): void {
    this.total += points;
    const sign = points < 0 ? `− ${fmt(-points)}` : `+ ${fmt(points)}`;
    this.lines.push(`${what}: ${sign} (total ${fmt(this.total)})`);
  }

  /** Adds `points` when the boolean input `key` is present. */
  flag(v: InputReader, key: string, points: number): void {
    const present = v.bool(key);
    this.add(present ? points : 0, `${v.label(key)} ${present ? 'present' : 'absent'}`);
  }

  /** The outcome: the total and the lines. */
  result(name: string, unit = 'points'): Outcome {
    return { value: this.total, unit, lines: [...this.lines, `${name} = ${fmt(this.total)}.`] };
  }
}
