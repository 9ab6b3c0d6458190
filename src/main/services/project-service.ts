import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ProjectInfo } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';
import { getDataset, listDatasets } from '../store/datasets';
import { ProjectDb } from '../store/project-db';
import type { SqliteOptions } from '../store/sqlite';
import type { RecentProjects } from './recent-projects';

export const PROJECT_EXTENSION = '.slicewise';

/** A file name a person would recognise, safe on every OS. */
export function projectFileStem(name: string): string {
  const stem = name
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80);
  return stem || 'Untitled';
}

/** Open projects, by an id that lives as long as the app session. */
export class ProjectService {
  private readonly open = new Map<string, ProjectDb>();

  constructor(
    private readonly opts: SqliteOptions & { appVersion: string; projectsDir: string; recent: RecentProjects },
  ) {}

  create(name: string): ProjectInfo {
    mkdirSync(this.opts.projectsDir, { recursive: true });
    const stem = projectFileStem(name);
    let path = join(this.opts.projectsDir, `${stem}${PROJECT_EXTENSION}`);
    for (let k = 2; existsSync(path); k++) path = join(this.opts.projectsDir, `${stem} ${k}${PROJECT_EXTENSION}`);
    const db = ProjectDb.create(path, name, this.opts);
    return this.register(db);
  }

  openFile(path: string): ProjectInfo {
    const absolute = resolve(path);
    if (!absolute.endsWith(PROJECT_EXTENSION)) {
      throw new SlicewiseError({
        code: 'PROJECT_UNREADABLE',
        message: `${absolute} is not a Slicewise project (project files end in ${PROJECT_EXTENSION}). To analyse a data file, import it instead.`,
      });
    }
    for (const [id, db] of this.open) if (db.path === absolute) return this.info(id);
    return this.register(ProjectDb.open(absolute, this.opts));
  }

  /** Opens the project at `path`, creating it there first when no file exists (the CLI's --project). */
  openOrCreate(path: string): ProjectInfo {
    const absolute = resolve(path);
    if (existsSync(absolute)) return this.openFile(absolute);
    if (!absolute.endsWith(PROJECT_EXTENSION)) {
      throw new SlicewiseError({ code: 'INVALID_REQUEST', message: `A project file name must end in ${PROJECT_EXTENSION}: ${absolute}` });
    }
    mkdirSync(dirname(absolute), { recursive: true });
    const name = basename(absolute, PROJECT_EXTENSION);
    return this.register(ProjectDb.create(absolute, name, this.opts));
  }

  get(projectId: string): ProjectDb {
    const db = this.open.get(projectId);
    if (!db) throw new SlicewiseError({ code: 'NOT_FOUND', message: 'That project is not open any more. Open it again from the home screen.' });
    return db;
  }

  info(projectId: string): ProjectInfo {
    const project = this.get(projectId);
    const meta = project.meta();
    return {
      id: projectId,
      name: meta.name,
      path: project.path,
      createdAt: meta.createdAt,
      schemaVersion: project.schemaVersion(),
      datasets: listDatasets(project.db),
    };
  }

  dataset(projectId: string, datasetId: number) {
    return getDataset(this.get(projectId).db, datasetId);
  }

  close(projectId: string): void {
    this.open.get(projectId)?.close();
    this.open.delete(projectId);
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }

  private register(db: ProjectDb): ProjectInfo {
    const id = randomUUID();
    this.open.set(id, db);
    const info = this.info(id);
    this.opts.recent.touch(db.path, info.name);
    return info;
  }
}
