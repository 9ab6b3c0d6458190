import { Notice } from './components/Notice';
import { DatasetScreen } from './screens/DatasetScreen';
import { HomeScreen } from './screens/HomeScreen';
import { ImportFailedScreen } from './screens/ImportFailedScreen';
import { ImportScreen } from './screens/ImportScreen';
import { ProjectScreen } from './screens/ProjectScreen';
import { en } from './text/en';
import { useAppController } from './useAppController';

/** The app shell: one screen at a time, chosen by the controller's state. */
export function App() {
  const { screen, notice, busy, actions } = useAppController();
  const banner = notice ? <Notice notice={notice} onDismiss={actions.dismissNotice} /> : null;

  const content = (() => {
    switch (screen.kind) {
      case 'home':
        return (
          <HomeScreen
            busy={busy}
            notice={banner}
            onFile={(file) => actions.importFile(file, undefined)}
            onOpenRecent={(path) => void actions.openRecent(path)}
            onOpenExample={(id) => void actions.openExample(id)}
            onChooseProject={() => void actions.chooseProject()}
          />
        );
      case 'project':
        return (
          <ProjectScreen
            project={screen.project}
            busy={busy}
            notice={banner}
            onOpenDataset={(id) => void actions.openDataset(screen.project, id)}
            onFile={(file) => actions.importFile(file, screen.project)}
            onClose={() => void actions.closeProject(screen.project)}
          />
        );
      case 'dataset':
        return (
          <DatasetScreen
            project={screen.project}
            dataset={screen.dataset}
            onBack={() => void actions.backToProject(screen.project)}
            onCloseProject={() => void actions.closeProject(screen.project)}
          />
        );
      case 'importing':
        return (
          <ImportScreen
            key={screen.jobId}
            jobId={screen.jobId}
            fileName={screen.fileName}
            projectName={screen.target.project.name}
            onFinished={(f) => void actions.onImportFinished(f)}
          />
        );
      case 'import-failed':
        return (
          <ImportFailedScreen
            fileName={screen.fileName}
            error={screen.error}
            projectName={screen.target?.project.name}
            onBack={actions.tryAnother}
          />
        );
    }
  })();

  return (
    <>
      <a className="skip-link" href="#main">
        {en.app.skipToContent}
      </a>
      {content}
    </>
  );
}
