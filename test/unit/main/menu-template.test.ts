import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MENU_COMMANDS } from '../../../src/shared/contract';
import { buildMenuTemplate, MAX_RECENT_IN_MENU, recentMenuKey, type MenuInput, type MenuItemSpec } from '../../../src/main/menu-template';

const base: MenuInput = { platform: 'linux', packaged: false, appName: 'Slicewise', recent: [] };
const recent = [
  { path: '/home/ana/Slicewise/Loans.slicewise', name: 'Loans', exists: true },
  { path: '/home/ana/old/Churn.slicewise', name: 'Churn', exists: false },
];

function flatten(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}
const top = (t: MenuItemSpec[], id: string): MenuItemSpec => {
  const found = t.find((i) => i.id === id);
  assert.ok(found, `no ${id} menu`);
  return found;
};
const labels = (items: readonly MenuItemSpec[] | undefined): string[] =>
  (items ?? []).map((i) => (i.type === 'separator' ? '---' : (i.label ?? `<${i.role}>`)));

describe('File menu', () => {
  test('has the issue\'s items in order, with Quit on Windows and Linux', () => {
    const file = top(buildMenuTemplate(base), 'file');
    assert.deepEqual(labels(file.submenu), [
      'New Project',
      'Open Project…',
      'Open Recent',
      '---',
      'Import Data…',
      '---',
      'Close Project',
      '---',
      'Quit',
    ]);
  });

  test('on macOS Quit lives in the app menu instead', () => {
    const t = buildMenuTemplate({ ...base, platform: 'darwin' });
    assert.equal(t[0]?.role, 'appMenu');
    assert.ok(flatten(t[0]?.submenu ?? []).some((i) => i.role === 'quit'));
    assert.ok(!labels(top(t, 'file').submenu).includes('Quit'));
    assert.equal(top(t, 'file').label, 'File'); // no Windows-style mnemonic on macOS
  });

  test('every command in the contract has a menu item (open-recent: one per recent project)', () => {
    const items = flatten(buildMenuTemplate({ ...base, recent }));
    const commands = items.flatMap((i) => (i.action?.kind === 'command' ? [i.action.command] : i.action?.kind === 'open-recent' ? ['open-recent'] : []));
    assert.deepEqual([...new Set(commands)].sort(), [...MENU_COMMANDS].sort());
  });

  test('Open Recent lists the recent projects; missing files are disabled', () => {
    const openRecent = flatten(buildMenuTemplate({ ...base, recent })).find((i) => i.id === 'file.open-recent');
    const items = openRecent?.submenu ?? [];
    assert.deepEqual(labels(items), ['Loans', 'Churn', '---', 'Clear Recent Projects']);
    assert.deepEqual(items[0]?.action, { kind: 'open-recent', path: recent[0]!.path });
    assert.equal(items[0]?.enabled, true);
    assert.equal(items[1]?.enabled, false);
    assert.deepEqual(items[3]?.action, { kind: 'clear-recent' });
  });

  test('Open Recent says so when empty', () => {
    const openRecent = flatten(buildMenuTemplate(base)).find((i) => i.id === 'file.open-recent');
    assert.deepEqual(openRecent?.submenu, [{ id: 'file.recent.none', label: 'No recent projects', enabled: false }]);
  });

  test('same-named projects are told apart by path; "&" is shown, not a mnemonic', () => {
    const t = buildMenuTemplate({
      ...base,
      recent: [
        { path: '/a/R&D.slicewise', name: 'R&D', exists: true },
        { path: '/b/R&D.slicewise', name: 'R&D', exists: true },
      ],
    });
    const items = flatten(t).filter((i) => i.action?.kind === 'open-recent');
    assert.deepEqual(labels(items), ['R&&D — /a/R&&D.slicewise', 'R&&D — /b/R&&D.slicewise']);
  });

  test(`at most ${MAX_RECENT_IN_MENU} recent projects`, () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ path: `/p/${i}.slicewise`, name: `P${i}`, exists: true }));
    const items = flatten(buildMenuTemplate({ ...base, recent: many })).filter((i) => i.action?.kind === 'open-recent');
    assert.equal(items.length, MAX_RECENT_IN_MENU);
  });
});

describe('the other menus', () => {
  test('top level: File, Edit, View, Window, Help (plus the app menu on macOS)', () => {
    assert.deepEqual(buildMenuTemplate(base).map((i) => i.id), ['file', 'edit', 'view', 'window', 'help']);
    assert.deepEqual(labels(buildMenuTemplate({ ...base, platform: 'darwin' })), ['Slicewise', 'File', 'Edit', 'View', 'Window', 'Help']);
  });

  test('Reload and DevTools only in development', () => {
    const roles = (packaged: boolean) => flatten(buildMenuTemplate({ ...base, packaged })).map((i) => i.role);
    assert.ok(roles(false).includes('toggleDevTools') && roles(false).includes('reload'));
    assert.ok(!roles(true).includes('toggleDevTools') && !roles(true).includes('reload') && !roles(true).includes('forceReload'));
  });

  test('Help has About on Windows and Linux', () => {
    assert.deepEqual(top(buildMenuTemplate(base), 'help').submenu?.map((i) => i.role), ['about']);
  });

  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    test(`no accelerator is used twice (${platform})`, () => {
      const seen = new Set<string>();
      for (const item of flatten(buildMenuTemplate({ ...base, platform, recent }))) {
        if (!item.accelerator) continue;
        assert.ok(!seen.has(item.accelerator), `${item.accelerator} used twice`);
        seen.add(item.accelerator);
      }
      // Roles bring their own: closing the window keeps CmdOrCtrl+W, so Close Project must not take it.
      assert.ok(!seen.has('CmdOrCtrl+W'));
    });
  }
});

test('recentMenuKey changes only when what the menu shows changes', () => {
  const k = recentMenuKey(recent);
  assert.equal(recentMenuKey(recent.map((r) => ({ ...r }))), k);
  assert.notEqual(recentMenuKey([recent[1]!, recent[0]!]), k);
  assert.notEqual(recentMenuKey([{ ...recent[0]!, exists: false }, recent[1]!]), k);
});
