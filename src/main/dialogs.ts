/** Native open dialogs implementing the services' `Dialogs` port (choices: dialog-choices.ts). */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { Dialogs } from './services/ports';
import { chosenPath, chosenSavePath, DATA_FILTERS, exportFilters, PROJECT_FILTERS } from './dialog-choices';

export function createNativeDialogs(opts: { window: () => BrowserWindow | undefined; projectsDir: string }): Dialogs {
  const open = async (options: OpenDialogOptions): Promise<string | null> => {
    const parent = opts.window();
    return chosenPath(parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options));
  };
  return {
    chooseProjectFile: () =>
      open({ title: 'Open project', defaultPath: opts.projectsDir, properties: ['openFile'], filters: [...PROJECT_FILTERS] }),
    chooseDataFile: () => open({ title: 'Import data', properties: ['openFile'], filters: [...DATA_FILTERS] }),
    chooseSavePath: async (suggestedName, format) => {
      const parent = opts.window();
      const options = { title: 'Export', defaultPath: suggestedName, filters: exportFilters(format) };
      return chosenSavePath(parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options));
    },
  };
}
