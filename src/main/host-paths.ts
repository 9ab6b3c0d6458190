/**
 * The folders the Electron host hands to createAppServices, and where the built preload and
 * renderer are. Pure so the packaged/dev difference is tested without Electron.
 */
import { join } from 'node:path';

export interface HostPathInput {
  packaged: boolean;
  /** app.getAppPath(): the repo root in development. */
  appPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getPath('documents') */
  documentsDir: string;
  env: Readonly<Record<string, string | undefined>>;
}

export interface HostPaths {
  /** Holds examples/: the repo's resources/ in development, the app's resources when packaged. */
  resourcesDir: string;
  projectsDir: string;
  /**
   * Development and tests only: a separate settings folder (SLICEWISE_USER_DATA_DIR), so the
   * Electron e2e tests never touch a person's real recent-projects list.
   */
  userDataOverride: string | undefined;
}

export function hostPaths(input: HostPathInput): HostPaths {
  const dev = !input.packaged;
  const nonEmpty = (v: string | undefined): string | undefined => (v && v.trim() !== '' ? v : undefined);
  return {
    resourcesDir: input.packaged ? input.resourcesPath : join(input.appPath, 'resources'),
    projectsDir: (dev ? nonEmpty(input.env.SLICEWISE_PROJECTS_DIR) : undefined) ?? join(input.documentsDir, 'Slicewise'),
    userDataOverride: dev ? nonEmpty(input.env.SLICEWISE_USER_DATA_DIR) : undefined,
  };
}

/** The built preload and renderer, relative to the built main bundle (out/main). */
export function bundlePaths(mainDir: string): { preload: string; rendererRoot: string } {
  return { preload: join(mainDir, '../preload/index.cjs'), rendererRoot: join(mainDir, '../renderer') };
}
