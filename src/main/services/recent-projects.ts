import { existsSync } from 'node:fs';
import type { LastRunSummary, RecentProject } from '../../shared/domain';
import type { SettingsStore } from './settings-store';

const MAX_RECENT = 12;

/**
 * The home screen's recent projects, kept in the app settings. Each entry remembers its project's
 * newest check-up (noted when one finishes and when the project is opened), so listing them only
 * checks that each file is still there and never opens a project file.
 */
export class RecentProjects {
  constructor(private readonly settings: SettingsStore) {}

  list(): RecentProject[] {
    return this.settings.get().recentProjects.map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  /** Puts the project first. `lastRun` undefined keeps what was known about its newest check-up. */
  touch(path: string, name: string, lastRun?: LastRunSummary | null): void {
    this.settings.update((s) => {
      const before = s.recentProjects.find((r) => r.path === path);
      const known = lastRun !== undefined ? lastRun : before?.lastRun;
      const entry = { path, name, lastOpenedAt: new Date().toISOString(), ...(known !== undefined ? { lastRun: known } : {}) };
      return { ...s, recentProjects: [entry, ...s.recentProjects.filter((r) => r.path !== path)].slice(0, MAX_RECENT) };
    });
  }

  /** Records a project's newest check-up (after a run finished or was deleted); its place in the list stays. */
  noteLastRun(path: string, lastRun: LastRunSummary | null): void {
    if (!this.settings.get().recentProjects.some((r) => r.path === path)) return;
    this.settings.update((s) => ({ ...s, recentProjects: s.recentProjects.map((r) => (r.path === path ? { ...r, lastRun } : r)) }));
  }

  forget(path: string): RecentProject[] {
    this.settings.update((s) => ({ ...s, recentProjects: s.recentProjects.filter((r) => r.path !== path) }));
    return this.list();
  }
}
