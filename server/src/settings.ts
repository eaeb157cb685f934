/** Reads the server's settings from whatever the client sent, keeping defaults for anything missing or invalid. */
import { DEFAULT_SETTINGS, type ServerSettings } from './protocol';

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

export function mergeSettings(raw: unknown): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {}) as Record<string, unknown>;
  const t = (r.triage && typeof r.triage === 'object' ? r.triage : {}) as Record<string, unknown>;
  const def = DEFAULT_SETTINGS;
  return {
    diagnostics: {
      enable: typeof d.enable === 'boolean' ? d.enable : def.diagnostics.enable,
      delayMs: num(d.delayMs, def.diagnostics.delayMs, 0, 5000),
      disabledRules: Array.isArray(d.disabledRules) ? d.disabledRules.filter((x): x is string => typeof x === 'string') : def.diagnostics.disabledRules,
    },
    triage: {
      codeLens: typeof t.codeLens === 'boolean' ? t.codeLens : def.triage.codeLens,
      inlayHints: typeof t.inlayHints === 'boolean' ? t.inlayHints : def.triage.inlayHints,
    },
    maxNoteSizeMiB: num(r.maxNoteSizeMiB, def.maxNoteSizeMiB, 1, 256),
  };
}
