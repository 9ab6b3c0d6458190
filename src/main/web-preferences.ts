/**
 * The main window's webPreferences: the renderer is a sandboxed web page with no Node, talking
 * to main only through the preload's contract-shaped bridge. Pure data, so it is unit-tested;
 * window.ts checks it against Electron's WebPreferences type with `satisfies`.
 */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}
