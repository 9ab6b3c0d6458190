/**
 * App lifecycle: the only place that knows the order things happen in. Every decision it relies
 * on lives in a module without electron (host-paths, native-binding, menu-template, ...).
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { eventChannel, type EventName, type Events, type MenuCommand } from '../shared/contract';
import { createAppServices, type AppServices } from './app-services';
import { registerAppProtocol, registerAppSchemePrivileges } from './app-protocol';
import { createNativeDialogs } from './dialogs';
import { createPdfPrinter } from './print-pdf';
import { bundlePaths, hostPaths } from './host-paths';
import { registerIpc } from './ipc';
import { installAppMenu } from './menu';
import { type MenuAction } from './menu-template';
import { findElectronNativeBinding, missingBindingHint } from './native-binding';
import { APP_ENTRY_URL, APP_ORIGIN } from './protocol-path';
import { createQuitGuard } from './quit-guard';
import { installSecurity } from './security';
import { createMainWindow } from './window';

const bundles = bundlePaths(dirname(fileURLToPath(import.meta.url)));
const host = hostPaths({
  packaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  documentsDir: app.getPath('documents'),
  env: process.env,
});
// electron-vite's dev server, development only; otherwise the built renderer via app://.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererUrl = devServerUrl ?? APP_ENTRY_URL;
const rendererOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;

// Before 'ready': the name decides the settings folder; privileges and sandboxing cannot change later.
app.setName('Slicewise');
if (host.userDataOverride) app.setPath('userData', host.userDataOverride);
registerAppSchemePrivileges();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit(); // another Slicewise is running; it gets 'second-instance' and comes to the front
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | undefined;
  let services: AppServices | undefined;
  let refreshMenu: () => Promise<void> = async () => {};
  const currentWindow = (): BrowserWindow | undefined => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);

  const send = <E extends EventName>(name: E, payload: Events[E]): void => {
    const contents = currentWindow()?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(eventChannel(name), payload);
  };
  const sendMenuCommand = (command: MenuCommand, path?: string): void => send('menuCommand', path ? { command, path } : { command });

  const openWindow = (appServices: AppServices): void => {
    mainWindow = createMainWindow({ preload: bundles.preload, url: rendererUrl, settings: appServices.settings });
  };

  const onMenuAction = (action: MenuAction): void => {
    if (action.kind === 'command') return sendMenuCommand(action.command);
    if (action.kind === 'open-recent') return sendMenuCommand('open-recent', action.path);
    services?.settings.update((s) => ({ ...s, recentProjects: [] }));
    void refreshMenu();
  };

  app.on('second-instance', () => {
    const win = currentWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on(
    'will-quit',
    createQuitGuard({
      shutdown: async () => services?.shutdown(),
      quit: () => app.quit(),
      onError: (err) => console.error('Slicewise did not shut down cleanly:', err),
    }),
  );

  app
    .whenReady()
    .then(async () => {
      const ses = session.defaultSession;
      installSecurity(ses, { allowDevtools: !app.isPackaged, devServerOrigin: devServerUrl ? rendererOrigin : undefined });
      registerAppProtocol(ses, bundles.rendererRoot);

      const nativeHost = {
        electronVersion: process.versions.electron,
        packaged: app.isPackaged,
        appRoot: app.getAppPath(),
        resourcesPath: process.resourcesPath,
      };
      const nativeBinding = findElectronNativeBinding(nativeHost);
      if (!nativeBinding) {
        const hint = missingBindingHint(nativeHost);
        if (hint) console.warn(hint);
      }

      const appServices = createAppServices({
        appVersion: app.getVersion(),
        host: 'electron',
        userDataDir: app.getPath('userData'),
        projectsDir: host.projectsDir,
        resourcesDir: host.resourcesDir,
        dialogs: createNativeDialogs({ window: currentWindow, projectsDir: host.projectsDir }),
        printPdf: createPdfPrinter(),
        events: { emit: send },
        nativeBinding,
        // First launch opens on the shipped example, so the app is useful at once.
        firstLaunchExample: 'loan-applications',
      });
      services = appServices;

      refreshMenu = installAppMenu(
        async () => ({
          platform: process.platform,
          packaged: app.isPackaged,
          appName: app.getName(),
          recent: await appServices.handlers.listRecentProjects({}),
        }),
        onMenuAction,
      );
      // Any request may have touched the recent list; refresh is a no-op when it did not.
      registerIpc(appServices.router, () => ({ origin: rendererOrigin, webContentsId: currentWindow()?.webContents.id }), () => {
        void refreshMenu();
      });

      app.setAboutPanelOptions({ applicationName: 'Slicewise', applicationVersion: app.getVersion() });
      openWindow(appServices);
      await refreshMenu();

      app.on('activate', () => {
        if (!currentWindow()) openWindow(appServices); // macOS: clicking the dock icon reopens the window
      });
    })
    .catch((err: unknown) => {
      const detail = err instanceof Error ? err.message : String(err);
      const hint = existsSync(bundles.preload) ? '' : '\n\nThe app is not built yet: run "npx electron-vite build".';
      dialog.showErrorBox('Slicewise could not start', `${detail}${hint}`);
      app.exit(1);
    });
}
