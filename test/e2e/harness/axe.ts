/**
 * axe-core (WCAG 2.1 A and AA rules) on the page as it is, in the given themes (contrast differs
 * between them): fails with every serious or critical violation listed, by screen and theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export type Theme = 'light' | 'dark';

export async function expectAccessible(page: Page, screen: string, opts: { themes?: readonly Theme[]; include?: string } = {}): Promise<void> {
  for (const scheme of opts.themes ?? (['light', 'dark'] as const)) {
    await page.emulateMedia({ colorScheme: scheme });
    let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    if (opts.include) builder = builder.include(opts.include);
    const result = await builder.analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const lines = serious.map((v) => `${screen} (${scheme}): ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(lines, lines.join('\n')).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
