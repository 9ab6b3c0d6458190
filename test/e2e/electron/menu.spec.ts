/** The application menu: the File items exist and send their commands to the renderer. */
import { binary, expect, SKIP_REASON, test } from './electron-app';

test.skip(!binary, SKIP_REASON);

test('the menu bar and the File menu have the expected items', async ({ app }) => {
  const menu = await app.evaluate(({ Menu }) => {
    const bar = Menu.getApplicationMenu();
    const file = bar?.getMenuItemById('file');
    return {
      top: bar?.items.map((i) => i.label.replace(/&/g, '')) ?? [],
      file: file?.submenu?.items.filter((i) => i.type !== 'separator').map((i) => i.label) ?? [],
    };
  });
  expect(menu.top).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
  expect(menu.file).toEqual(expect.arrayContaining(['New Project', 'Open Project…', 'Open Recent', 'Import Data…', 'Close Project']));
});

test('a File menu item sends its menuCommand to the renderer', async ({ app, page }) => {
  await page.evaluate(`window.__commands = []; window.slicewise.onMenuCommand((c) => window.__commands.push(c.command));`);
  await app.evaluate(({ Menu }) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById('file.import-data');
    item?.click();
  });
  await expect.poll(() => page.evaluate(`window.__commands`)).toEqual(['import-data']);
});
