/**
 * The model commands: Show Model Status, Select Model File…, Download Model…, Load Model and
 * Unload Model. Each answers politely when the server is not running, explains itself in
 * Restricted Mode, and reports failures with what to do next.
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DownloadModelRequest, LoadModelRequest, type ModelStatus, SETTINGS_SECTION, UnloadModelRequest } from '../../../server/src/protocol';
import { DOWNLOAD_MODEL_COMMAND, LOAD_MODEL_COMMAND, MODEL_PATH_SETTING, SELECT_MODEL_FILE_COMMAND, SHOW_MODEL_STATUS_COMMAND, UNLOAD_MODEL_COMMAND } from './commandIds';
import { consentText, downloadLabel, errorMessage, hasGgufMagic, isCancelled, KNOWN_MODEL_SIZES, offeredDownloadUri, ProgressIncrements, validateDownloadUri } from './downloadPlan';
import { formatCount, modelFileName, sentence } from './format';
import type { ModelStatusView } from './modelStatusView';
import type { StatusBarClick } from './statusBarText';
import type { ModelStatusStore } from './statusStore';
import { explainIfRestricted } from './trust';

export interface ModelCommandDeps {
  client(): LanguageClient | undefined;
  store: ModelStatusStore;
  view: ModelStatusView;
  output: vscode.LogOutputChannel;
  /** Where downloads are saved: `<globalStorageUri>/models`. */
  downloadDirectory: vscode.Uri;
}

/** `medgemmaNotes.model.path` as configured now ('' when unset). */
export function configuredModelPath(): string {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(MODEL_PATH_SETTING, '').trim();
}

export function registerModelCommands(deps: ModelCommandDeps): vscode.Disposable[] {
  const { output, store } = deps;
  let downloading = false;

  /** The running client, or undefined after telling the user why there is none. */
  const readyClient = (): LanguageClient | undefined => {
    const client = deps.client();
    if (client?.isRunning()) return client;
    if (store.current.server === 'stopped') {
      void vscode.window.showWarningMessage('The MedGemma Notes language server is not running, so the model cannot be managed now.', 'Restart Language Server', 'Show Output').then((choice) => {
        if (choice === 'Restart Language Server') void vscode.commands.executeCommand('medgemmaNotes.restartServer');
        else if (choice) output.show(true);
      });
    } else {
      void vscode.window.showInformationMessage('MedGemma Notes is still starting; try again in a moment.');
    }
    return undefined;
  };

  /** Runs a command body; an unexpected failure becomes one clear error message and a log line. */
  const guarded = (title: string, body: (...args: unknown[]) => Promise<void>) => async (...args: unknown[]): Promise<void> => {
    try {
      await body(...args);
    } catch (err) {
      const message = errorMessage(err);
      output.error(`${title} failed: ${message}`);
      void vscode.window.showErrorMessage(`${title} failed: ${message}`, 'Show Output').then((choice) => {
        if (choice) output.show(true);
      });
    }
  };

  const setModelPath = async (path: string): Promise<void> => {
    const before = configuredModelPath();
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(MODEL_PATH_SETTING, path, vscode.ConfigurationTarget.Global);
    const inspected = vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect<string>(MODEL_PATH_SETTING);
    const override = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
    if (override !== undefined && override !== path) {
      void vscode.window.showWarningMessage(`This workspace's settings set medgemmaNotes.model.path to "${override}", which overrides the user setting just written. Remove it from the workspace settings to use ${modelFileName(path)}.`);
      return;
    }
    // The server reloads on a settings change; the same path again changes nothing, so ask.
    if (before === path) await loadModel();
    else void vscode.window.showInformationMessage(`Using ${modelFileName(path)}; the model is loading (see the status bar).`);
  };

  const offerSetup = async (): Promise<void> => {
    const configured = configuredModelPath();
    const items: (vscode.QuickPickItem & { command: string })[] = [
      ...(configured ? [{ label: '$(play) Load Model', description: modelFileName(configured), command: LOAD_MODEL_COMMAND }] : []),
      { label: '$(folder-opened) Select Model File…', description: 'a GGUF file already on this computer', command: SELECT_MODEL_FILE_COMMAND },
      { label: '$(cloud-download) Download Model…', description: 'MedGemma 27B, about 16.5 GB; asks before downloading', command: DOWNLOAD_MODEL_COMMAND },
      { label: '$(info) Show Model Status', command: SHOW_MODEL_STATUS_COMMAND },
    ];
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'No model is loaded. The rules, scores and triage work without one.' });
    if (!picked) return;
    if (picked.command === SHOW_MODEL_STATUS_COMMAND) await deps.view.show();
    else await vscode.commands.executeCommand(picked.command);
  };

  const showStatus = async (click?: unknown): Promise<void> => {
    const from: StatusBarClick | undefined = click === 'setup' || click === 'status' ? click : undefined;
    if (from === 'setup') await offerSetup();
    else await deps.view.show();
  };

  const selectModelFile = async (): Promise<void> => {
    if (explainIfRestricted('Selecting a model file')) return;
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      filters: { 'GGUF model': ['gguf'] },
      openLabel: 'Use This Model',
      title: 'Select a MedGemma (Gemma 3) GGUF model file',
      defaultUri: await existing(deps.downloadDirectory),
    });
    const file = picked?.[0];
    if (!file) return;
    if (file.scheme === 'file') {
      const head = await readHead(file.fsPath);
      if (head instanceof Error) {
        void vscode.window.showErrorMessage(`Cannot read ${modelFileName(file.fsPath)}: ${head.message}`);
        return;
      }
      if (!hasGgufMagic(head)) {
        void vscode.window.showErrorMessage(`${modelFileName(file.fsPath)} is not a GGUF file (it does not start with "GGUF"). Select a .gguf model file, or run "Download Model…".`);
        return;
      }
    }
    await setModelPath(file.fsPath);
  };

  const downloadModel = async (): Promise<void> => {
    if (explainIfRestricted('Downloading a model')) return;
    if (downloading) {
      void vscode.window.showInformationMessage('A model download is already running; its progress is in the notification area.');
      return;
    }
    const client = readyClient();
    if (!client) return;
    const directory = deps.downloadDirectory;
    await vscode.workspace.fs.createDirectory(directory);
    const free = await freeBytes(directory.fsPath);
    let uri = offeredDownloadUri(configuredModelPath());
    // Never start without an explicit "Download" for the exact URI shown.
    for (;;) {
      const consent = consentText(uri, directory.fsPath, free);
      const choice = await vscode.window.showWarningMessage(consent.message, { modal: true, detail: consent.detail }, 'Download', 'Use Another URI…');
      if (choice === 'Download') break;
      if (choice !== 'Use Another URI…') return;
      const typed = await vscode.window.showInputBox({
        title: 'Download a GGUF model',
        prompt: 'An hf: URI (hf:owner/repo:Q4_K_M or hf:owner/repo/file.gguf) or an https URL of a .gguf file',
        value: uri,
        ignoreFocusOut: true,
        validateInput: validateDownloadUri,
      });
      if (typed === undefined) return;
      uri = typed.trim();
    }
    downloading = true;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Downloading ${downloadLabel(uri)}`, cancellable: true },
        async (progress, token) => {
          const steps = new ProgressIncrements();
          const sub = store.onDidChange((view) => {
            if (view.status?.state !== 'downloading') return;
            const step = steps.next(view.status.progress, KNOWN_MODEL_SIZES[uri]);
            if (step) progress.report(step);
          });
          try {
            return await client.sendRequest(DownloadModelRequest.type, { uri, directory: directory.fsPath }, token);
          } catch (err) {
            if (isCancelled(err, token.isCancellationRequested)) return undefined;
            throw err;
          } finally {
            sub.dispose();
          }
        },
      );
      if (!result) {
        output.info('Model download cancelled by the user.');
        void vscode.window.showInformationMessage('Download cancelled. The part already downloaded is kept: run "Download Model…" again to resume it.');
        return;
      }
      output.info(`Model downloaded: ${modelFileName(result.path)}.`);
      await setModelPath(result.path);
    } finally {
      downloading = false;
    }
  };

  const loadModel = async (): Promise<void> => {
    if (explainIfRestricted('Loading a model')) return;
    const client = readyClient();
    if (!client) return;
    const path = configuredModelPath();
    if (!path) {
      const choice = await vscode.window.showInformationMessage('No model file is set (medgemmaNotes.model.path is empty).', 'Select Model File…', 'Download Model…');
      if (choice === 'Select Model File…') await vscode.commands.executeCommand(SELECT_MODEL_FILE_COMMAND);
      else if (choice === 'Download Model…') await vscode.commands.executeCommand(DOWNLOAD_MODEL_COMMAND);
      return;
    }
    const status = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Loading ${modelFileName(path)}`, cancellable: false },
      async (progress) => {
        const steps = new ProgressIncrements();
        const sub = store.onDidChange((view) => {
          if (view.status?.state !== 'loading') return;
          const step = steps.next(view.status.progress);
          if (step) progress.report(step);
        });
        try {
          return await client.sendRequest(LoadModelRequest.type);
        } finally {
          sub.dispose();
        }
      },
    );
    if (deps.client() === client) store.update({ status });
    await reportLoad(status);
  };

  const reportLoad = async (status: ModelStatus): Promise<void> => {
    if (status.state === 'ready') {
      const info = status.info;
      const detail = info ? `: ${info.name}, ${formatCount(info.contextSize)} tokens of context on ${info.backend}` : '';
      void vscode.window.showInformationMessage(`Model ready${detail}.`);
      return;
    }
    if (status.state === 'error') {
      const error = status.error;
      const message = `Model not loaded: ${sentence(error?.message ?? 'unknown error')}${error?.hint ? ` ${error.hint}` : ''}`;
      output.error(message + (error?.reason ? ` (llama.cpp: ${error.reason})` : ''));
      const choice = await vscode.window.showErrorMessage(message, 'Show Model Status', 'Select Model File…');
      if (choice === 'Show Model Status') await deps.view.show();
      else if (choice === 'Select Model File…') await vscode.commands.executeCommand(SELECT_MODEL_FILE_COMMAND);
      return;
    }
    if (status.state === 'untrusted') explainIfRestricted('Loading a model');
    else if (status.state === 'none') void vscode.window.showInformationMessage('No model is loaded (no model file is configured).');
    // downloading/loading: the status bar follows the rest.
  };

  const unloadModel = async (): Promise<void> => {
    const client = readyClient();
    if (!client) return;
    const wasLoaded = store.current.status?.state === 'ready';
    await client.sendRequest(UnloadModelRequest.type);
    void vscode.window.showInformationMessage(wasLoaded
      ? 'Model unloaded and its memory freed. It loads again with "Load Model" or when its settings change.'
      : 'No model was loaded. It loads with "Load Model" or when its settings change.');
  };

  return [
    vscode.commands.registerCommand(SHOW_MODEL_STATUS_COMMAND, guarded('Show Model Status', showStatus)),
    vscode.commands.registerCommand(SELECT_MODEL_FILE_COMMAND, guarded('Select Model File', selectModelFile)),
    vscode.commands.registerCommand(DOWNLOAD_MODEL_COMMAND, guarded('Download Model', downloadModel)),
    vscode.commands.registerCommand(LOAD_MODEL_COMMAND, guarded('Load Model', loadModel)),
    vscode.commands.registerCommand(UNLOAD_MODEL_COMMAND, guarded('Unload Model', unloadModel)),
  ];
}

/** The first four bytes of a local file, or the error that prevented reading them. */
async function readHead(path: string): Promise<Uint8Array | Error> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, 'r');
    const buffer = new Uint8Array(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  } finally {
    await handle?.close();
  }
}

/** Free bytes on the disk holding `path`, or undefined where the platform cannot say. */
async function freeBytes(path: string): Promise<number | undefined> {
  try {
    const s = await fs.statfs(path);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

async function existing(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  try {
    await vscode.workspace.fs.stat(uri);
    return uri;
  } catch {
    return undefined;
  }
}
