// Types for electron-binary.mjs, so TypeScript tests and specs can import it.
export declare const REPO_ROOT: string;

export interface ElectronBinary {
  path: string;
  source: 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules';
  /** Known without running the binary only for the node_modules install. */
  version: string | undefined;
}

export declare function findElectronBinary(opts?: {
  repoRoot?: string;
  env?: Record<string, string | undefined>;
}): ElectronBinary | null;

export declare function electronPackageVersion(repoRoot?: string): string | undefined;
