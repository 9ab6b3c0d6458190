import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const fixturePath = (name: string): string => fileURLToPath(new URL(`../../fixtures/e2e/${name}`, import.meta.url));
export const screenshotPath = (name: string): string => fileURLToPath(new URL(`../../../test-results/screenshots/${name}.png`, import.meta.url));
export const formatFixturePath = (name: string): string => fileURLToPath(new URL(`../../fixtures/formats/${name}`, import.meta.url));
