/** The application menu (contents: menu-template.ts). */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, recentMenuKey, type MenuAction, type MenuInput, type MenuItemSpec } from './menu-template';

function toElectron(items: readonly MenuItemSpec[], onAction: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  return items.map(({ action, submenu, ...item }) => ({
    ...item,
    ...(submenu ? { submenu: toElectron(submenu, onAction) } : {}),
    ...(action ? { click: () => onAction(action) } : {}),
  }));
}

/** Returns `refresh`, which rebuilds the menu only when the Open Recent list changed. */
export function installAppMenu(input: () => Promise<MenuInput>, onAction: (action: MenuAction) => void): () => Promise<void> {
  let lastKey: string | undefined;
  return async () => {
    const current = await input();
    const key = recentMenuKey(current.recent);
    if (key === lastKey) return;
    lastKey = key;
    Menu.setApplicationMenu(Menu.buildFromTemplate(toElectron(buildMenuTemplate(current), onAction)));
  };
}
