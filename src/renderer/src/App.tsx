import { LearnProvider } from './components/learn/LearnProvider';
import { Notice } from './components/Notice';
import { CheckupScreen } from './screens/CheckupScreen';
import { ComparingScreen } from './screens/ComparingScreen';
import { DriftScreen } from './screens/DriftScreen';
import { ExploreScreen } from './screens/ExploreScreen';
import { HistoryScreen } from './screens/HistoryScreen';
import { ModelsScreen } from './screens/ModelsScreen';
import { DatasetScreen } from './screens/DatasetScreen';
import { HomeScreen } from './screens/HomeScreen';
import { ImportFailedScreen } from './screens/ImportFailedScreen';
import { ImportScreen } from './screens/ImportScreen';
import { JoinScreen } from './screens/JoinScreen';
import { PreviewScreen } from './screens/PreviewScreen';
import { ProjectScreen } from './screens/ProjectScreen';
import { ReportScreen } from './screens/ReportScreen';
import { RolesScreen } from './screens/RolesScreen';
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
            changes={{
              onCompare: (referenceId, currentId) => void actions.startCompare(screen.project, referenceId, currentId),
              onCompareModels: (datasetId, models) => void actions.startModelComparison(screen.project, datasetId, models),
              onOpenDrift: (runId) => actions.openDrift(screen.project, runId),
              onOpenModels: (runId) => actions.openModels(screen.project, runId),
              onOpenHistory: () => actions.openHistory(screen.project),
              onAddLaterBatch: (example) => void actions.addLaterBatch(screen.project, example),
            }}
          />
        );
      case 'comparing':
        return <ComparingScreen key={screen.jobId} jobId={screen.jobId} what={screen.what} projectName={screen.project.name} onFinished={actions.onComparisonFinished} />;
      case 'drift':
        return (
          <DriftScreen
            key={screen.runId}
            project={screen.project}
            runId={screen.runId}
            onBack={() => void actions.backToProject(screen.project)}
            onCloseProject={() => void actions.closeProject(screen.project)}
          />
        );
      case 'models':
        return (
          <ModelsScreen
            key={screen.runId}
            project={screen.project}
            runId={screen.runId}
            onBack={() => void actions.backToProject(screen.project)}
            onCloseProject={() => void actions.closeProject(screen.project)}
          />
        );
      case 'history':
        return <HistoryScreen project={screen.project} onBack={() => void actions.backToProject(screen.project)} onCloseProject={() => void actions.closeProject(screen.project)} />;
      case 'dataset':
        return (
          <DatasetScreen
            project={screen.project}
            dataset={screen.dataset}
            notice={banner}
            onPreview={() => actions.showPreview(screen.project, screen.dataset)}
            onRoles={() => actions.showRoles(screen.project, screen.dataset, 'dataset')}
            onRunCheckup={() => void actions.startCheckup(screen.project, screen.dataset)}
            onOpenRun={(runId) => actions.openReport(screen.project, screen.dataset, runId)}
            onPredictionsFile={(file) => actions.addPredictions(screen.project, screen.dataset, file)}
            busy={busy}
            onBack={() => void actions.backToProject(screen.project)}
            onCloseProject={() => void actions.closeProject(screen.project)}
            onDeleted={(deletion) => void actions.datasetDeleted(screen.project, deletion)}
          />
        );
      case 'preview':
        return (
          <PreviewScreen
            key={screen.dataset.id}
            project={screen.project}
            dataset={screen.dataset}
            source={screen.source}
            busy={busy}
            notice={banner}
            onReadAgain={actions.reimport}
            onNext={() => actions.showRoles(screen.project, screen.dataset, 'preview', screen.source)}
            onSummary={() => actions.showDataset(screen.project, screen.dataset)}
            onBack={() => void actions.backToProject(screen.project)}
            onCloseProject={() => void actions.closeProject(screen.project)}
          />
        );
      case 'roles':
        return (
          <RolesScreen
            key={screen.dataset.id}
            project={screen.project}
            dataset={screen.dataset}
            from={screen.from}
            busy={busy}
            onSaved={() => actions.rolesSaved(screen.project, screen.dataset)}
            onBack={() =>
              screen.from === 'preview' ? actions.showPreview(screen.project, screen.dataset, screen.source) : actions.showDataset(screen.project, screen.dataset)
            }
            onCloseProject={() => void actions.closeProject(screen.project)}
          />
        );
      case 'importing':
        return (
          <ImportScreen
            key={screen.jobId}
            jobId={screen.jobId}
            fileName={screen.source.fileName}
            projectName={screen.target.project.name}
            onFinished={(f) => void actions.onImportFinished(f)}
          />
        );
      case 'checkup':
        return (
          <CheckupScreen
            key={screen.jobId}
            jobId={screen.jobId}
            datasetName={screen.dataset.name}
            projectName={screen.project.name}
            onFinished={actions.onCheckupFinished}
          />
        );
      case 'report':
        return (
          <ReportScreen
            key={screen.runId}
            project={screen.project}
            dataset={screen.dataset}
            runId={screen.runId}
            onBack={() => actions.showDataset(screen.project, screen.dataset)}
            onCloseProject={() => void actions.closeProject(screen.project)}
            onRerun={(options) => void actions.startCheckup(screen.project, screen.dataset, options)}
            onExplore={(at) => actions.openExplore(screen.project, screen.dataset, screen.runId, at)}
          />
        );
      case 'explore':
        return (
          <ExploreScreen
            key={`${screen.runId}:${screen.tab ?? ''}:${screen.findingId ?? ''}`}
            project={screen.project}
            dataset={screen.dataset}
            runId={screen.runId}
            tab={screen.tab}
            findingId={screen.findingId}
            onBack={() => actions.openReport(screen.project, screen.dataset, screen.runId)}
            onCloseProject={() => void actions.closeProject(screen.project)}
            onRerun={(options) => void actions.startCheckup(screen.project, screen.dataset, options)}
          />
        );
      case 'join':
        return (
          <JoinScreen
            key={`${screen.dataset.id}:${screen.path}`}
            project={screen.project}
            dataset={screen.dataset}
            path={screen.path}
            fileName={screen.fileName}
            onAccepted={(datasetId) => void actions.joinAccepted(screen.project, screen.dataset, datasetId)}
            onCancel={() => actions.joinCancelled(screen.project, screen.dataset)}
            onCloseProject={() => void actions.closeProject(screen.project)}
          />
        );
      case 'import-failed':
        return (
          <ImportFailedScreen
            fileName={screen.source.fileName}
            error={screen.error}
            projectName={screen.target?.project.name}
            busy={busy}
            onRetry={screen.source.path !== undefined ? actions.reimport : undefined}
            onBack={actions.tryAnother}
          />
        );
    }
  })();

  return (
    <LearnProvider>
      <a className="skip-link" href="#main">
        {en.app.skipToContent}
      </a>
      {content}
    </LearnProvider>
  );
}
