/**
 * The shape of an end-to-end scenario. Each scenario is one module in `scenarios/`, listed in
 * `scenarios/index.ts`; all share one code-server session and start from a workbench with no
 * editors open. Adding a feature's scenario = one file + one line in the index.
 */
import type { Workbench } from './workbench';

export interface ScenarioContext {
  workbench: Workbench;
  /** The temporary workspace folder (copies of examples/*.cnote and a binary `binary.note`). */
  workspace: string;
  /** The model file the session configured (`medgemmaNotes.model.path`). */
  model: string;
  /** Saves a screenshot `<nn>-<scenario id>-<step>.png` in the output folder; returns its path. */
  screenshot(step: string): Promise<string>;
  /** A line in the test report (node:test diagnostic). */
  note(message: string): void;
}

export interface Scenario {
  /** kebab-case id, used in screenshot names. */
  id: string;
  /** The test's name in the report. */
  title: string;
  /** Longest the scenario may take; default 120 s. */
  timeoutMs?: number;
  run(ctx: ScenarioContext): Promise<void>;
}
