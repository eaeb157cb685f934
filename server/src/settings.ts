/** Reads the server's settings from whatever the client sent, keeping defaults for anything missing or invalid. */
import { type CompletionSettings, DEFAULT_MODEL_SETTINGS, DEFAULT_SETTINGS, type FhirSettings, type ModelSettings, type ServerSettings } from './protocol';

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
    model: mergeModelSettings(r.model),
    completion: mergeCompletionSettings(r.completion),
    fhir: mergeFhirSettings(r.fhir),
  };
}

function mergeModelSettings(raw: unknown): ModelSettings {
  const m = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const def = DEFAULT_MODEL_SETTINGS;
  const gpu = m.gpuLayers;
  const ctx = m.contextSize;
  return {
    path: typeof m.path === 'string' ? m.path.trim() : def.path,
    gpuLayers: gpu === 'auto' || gpu === 'max' ? gpu : typeof gpu === 'number' && Number.isFinite(gpu) ? Math.max(0, Math.floor(gpu)) : def.gpuLayers,
    contextSize: ctx === 'auto' ? ctx : typeof ctx === 'number' && Number.isFinite(ctx) ? Math.min(131072, Math.max(256, Math.floor(ctx))) : def.contextSize,
    threads: Math.floor(num(m.threads, def.threads, 0, 256)),
    swaFullCache: typeof m.swaFullCache === 'boolean' ? m.swaFullCache : def.swaFullCache,
    sequences: Math.floor(num(m.sequences, def.sequences, 1, 16)),
  };
}

function obj(v: unknown): Record<string, unknown> {
  return (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
}

function mergeCompletionSettings(raw: unknown): CompletionSettings {
  const c = obj(raw);
  const i = obj(c.inline);
  const def = DEFAULT_SETTINGS.completion;
  const stop = i.stopAt;
  return {
    enable: typeof c.enable === 'boolean' ? c.enable : def.enable,
    inline: {
      enable: typeof i.enable === 'boolean' ? i.enable : def.inline.enable,
      debounceMs: Math.floor(num(i.debounceMs, def.inline.debounceMs, 0, 2000)),
      maxTokens: Math.floor(num(i.maxTokens, def.inline.maxTokens, 1, 512)),
      stopAt: stop === 'line' || stop === 'sentence' || stop === 'section' ? stop : def.inline.stopAt,
    },
  };
}

function mergeFhirSettings(raw: unknown): FhirSettings {
  const f = obj(raw);
  const def = DEFAULT_SETTINGS.fhir;
  const str = (v: unknown, d: string): string => (typeof v === 'string' ? v.trim() : d);
  const auth = f.auth;
  return {
    baseUrl: str(f.baseUrl, def.baseUrl).replace(/\/+$/, ''),
    auth: auth === 'none' || auth === 'bearer' || auth === 'smart-backend' ? auth : def.auth,
    clientId: str(f.clientId, def.clientId),
    tokenUrl: str(f.tokenUrl, def.tokenUrl),
    scope: str(f.scope, def.scope),
    timeoutMs: Math.floor(num(f.timeoutMs, def.timeoutMs, 1000, 120000)),
  };
}
