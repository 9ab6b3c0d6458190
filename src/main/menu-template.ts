/**
 * The application menu as plain data. menu.ts turns each `action` into a click handler; this
 * file decides what the menu contains, per platform and build, and is unit-tested.
 */
import { type MenuCommand } from '../shared/contract';

export type MenuAction =
  | { kind: 'command'; command: MenuCommand }
  | { kind: 'open-recent'; path: string }
  | { kind: 'clear-recent' };

/** The Electron roles this menu uses (menu.ts checks they are Electron roles). */
export type MenuRole =
  | 'appMenu'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'window'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close'
  | 'help';

export interface MenuItemSpec {
  /** Stable ids let the Electron e2e tests find items with Menu.getMenuItemById. */
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  enabled?: boolean;
  action?: MenuAction;
  submenu?: MenuItemSpec[];
}

export interface RecentEntry {
  path: string;
  name: string;
  exists: boolean;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  /** Reload and DevTools appear only in development builds. */
  packaged: boolean;
  appName: string;
  recent: readonly RecentEntry[];
}

export const MAX_RECENT_IN_MENU = 10;
const separator: MenuItemSpec = { type: 'separator' };

/** On Windows and Linux "&" marks a keyboard mnemonic; a project called "R&D" must show its "&". */
const menuLabel = (text: string, platform: NodeJS.Platform): string => (platform === 'darwin' ? text : text.replace(/&/g, '&&'));

function recentItems(input: MenuInput): MenuItemSpec[] {
  const shown = input.recent.slice(0, MAX_RECENT_IN_MENU);
  if (shown.length === 0) return [{ id: 'file.recent.none', label: 'No recent projects', enabled: false }];
  const names = new Map<string, number>();
  for (const r of shown) names.set(r.name, (names.get(r.name) ?? 0) + 1);
  return [
    ...shown.map((r, i): MenuItemSpec => ({
      id: `file.recent.${i}`,
      // Two projects with the same name are told apart by where they live.
      label: menuLabel((names.get(r.name) ?? 0) > 1 ? `${r.name} — ${r.path}` : r.name, input.platform),
      enabled: r.exists,
      action: { kind: 'open-recent', path: r.path },
    })),
    separator,
    { id: 'file.recent.clear', label: 'Clear Recent Projects', action: { kind: 'clear-recent' } },
  ];
}

export function buildMenuTemplate(input: MenuInput): MenuItemSpec[] {
  const mac = input.platform === 'darwin';
  const command = (id: MenuCommand, label: string, accelerator?: string): MenuItemSpec => ({
    id: `file.${id}`,
    label,
    ...(accelerator ? { accelerator } : {}),
    action: { kind: 'command', command: id },
  });

  const appMenu: MenuItemSpec[] = mac
    ? [
        {
          label: input.appName,
          role: 'appMenu',
          submenu: [
            { role: 'about', label: `About ${input.appName}` },
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemSpec = {
    id: 'file',
    label: mac ? 'File' : '&File',
    submenu: [
      command('new-project', 'New Project', 'CmdOrCtrl+N'),
      command('open-project', 'Open Project…', 'CmdOrCtrl+O'),
      { id: 'file.open-recent', label: 'Open Recent', submenu: recentItems(input) },
      separator,
      command('import-data', 'Import Data…', 'CmdOrCtrl+I'),
      separator,
      // Shift: CmdOrCtrl+W belongs to closing the window.
      command('close-project', 'Close Project', 'CmdOrCtrl+Shift+W'),
      ...(mac ? [] : [separator, { id: 'file.quit', role: 'quit' as const, label: 'Quit' }]),
    ],
  };

  const edit: MenuItemSpec = {
    id: 'edit',
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemSpec = {
    id: 'view',
    label: mac ? 'View' : '&View',
    submenu: [
      ...(input.packaged ? [] : [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }, separator]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemSpec = {
    id: 'window',
    label: 'Window',
    role: 'window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemSpec = {
    id: 'help',
    label: 'Help',
    role: 'help',
    submenu: mac ? [] : [{ id: 'help.about', role: 'about', label: `About ${input.appName}` }],
  };

  // An empty Help menu on macOS still hosts the system's menu search.
  return [...appMenu, file, edit, view, windowMenu, help];
}

/** A key that changes when the Open Recent submenu would change, so menu.ts rebuilds only then. */
export function recentMenuKey(recent: readonly RecentEntry[]): string {
  return JSON.stringify(recent.slice(0, MAX_RECENT_IN_MENU).map((r) => [r.path, r.name, r.exists]));
}
