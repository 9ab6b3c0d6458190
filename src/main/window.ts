/** The main window: secure preferences, remembered bounds (logic: window-state.ts). */
import { BrowserWindow, screen, type WebPreferences } from 'electron';
import type { SettingsStore } from './services/settings-store';
import { secureWebPreferences } from './web-preferences';
import { clampBounds, MIN_WINDOW_SIZE } from './window-state';

export function createMainWindow(opts: { preload: string; url: string; settings: SettingsStore }): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const state = clampBounds(opts.settings.get().windowBounds, workAreas);

  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Slicewise',
    // Hidden until the first paint, so the person never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(opts.preload) satisfies WebPreferences,
  });

  win.once('ready-to-show', () => (state.maximized ? win.maximize() : win.show()));
  win.on('close', () => {
    try {
      const bounds = win.getNormalBounds();
      opts.settings.update((s) => ({ ...s, windowBounds: { ...bounds, maximized: win.isMaximized() } }));
    } catch (err) {
      console.warn('Could not remember the window position:', err); // never block closing over this
    }
  });
  void win.loadURL(opts.url);
  return win;
}
