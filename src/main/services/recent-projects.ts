import { existsSync } from 'node:fs';
import type { RecentProject } from '../../shared/domain';
import type { SettingsStore } from './settings-store';

const MAX_RECENT = 12;

export class RecentProjects {
  constructor(private readonly settings: SettingsStore) {}

  list(): RecentProject[] {
    return this.settings.get().recentProjects.map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  touch(path: string, name: string): void {
    this.settings.update((s) => ({
      ...s,
      recentProjects: [{ path, name, lastOpenedAt: new Date().toISOString() }, ...s.recentProjects.filter((r) => r.path !== path)].slice(
        0,
        MAX_RECENT,
      ),
    }));
  }

  forget(path: string): RecentProject[] {
    this.settings.update((s) => ({ ...s, recentProjects: s.recentProjects.filter((r) => r.path !== path) }));
    return this.list();
  }
}
