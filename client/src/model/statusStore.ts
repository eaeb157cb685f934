/**
 * What the client knows about the model: the server's last `ModelStatus`, whether the server
 * runs, whether the workspace is trusted, and what the model is busy with. The status bar and the
 * status document render from it. Pure (no `vscode`) so it is testable without an editor.
 */
import type { ModelStatus } from '../../../server/src/protocol';

/** The language server's lifecycle as the client sees it. */
export type ServerState = 'starting' | 'running' | 'stopped';

/** A snapshot of everything the model's UI shows. */
export interface ModelView {
  /** The server's last report; undefined until the first one (or when the server cannot say). */
  status: ModelStatus | undefined;
  server: ServerState;
  /** `workspace.isTrusted`: in Restricted Mode the server loads no model. */
  trusted: boolean;
  /** What the model is computing for the user right now (e.g. `completion`), if anything. */
  busy: string | undefined;
}

/** Holds the current `ModelView` and tells listeners when any part of it changes. */
export class ModelStatusStore {
  private view: ModelView;
  private readonly listeners = new Set<(view: ModelView, previous: ModelView) => void>();
  private disposed = false;

  constructor(initial: Partial<ModelView> = {}) {
    this.view = { status: undefined, server: 'starting', trusted: true, busy: undefined, ...initial };
  }

  /** The current snapshot (a new object after every change, never mutated). */
  get current(): ModelView {
    return this.view;
  }

  /** Applies `patch`; listeners run only when some field actually changed. */
  update(patch: Partial<ModelView>): void {
    if (this.disposed) return;
    const next: ModelView = { ...this.view, ...patch };
    const changed = (Object.keys(next) as (keyof ModelView)[]).some((k) => next[k] !== this.view[k]);
    if (!changed) return;
    const previous = this.view;
    this.view = next;
    for (const listener of [...this.listeners]) listener(next, previous);
  }

  /** Calls `listener` after each change; dispose the result to stop. */
  onDidChange(listener: (view: ModelView, previous: ModelView) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
