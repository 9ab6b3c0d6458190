import type { DatasetSummary, ProjectInfo } from '../../../shared/domain';
import type { DatasetRoles } from '../../../shared/roles/dataset-roles';
import { asErrorData, request } from '../api/client';
import { AppHeader } from '../components/AppHeader';
import { CloseProjectButton, BackLink } from '../components/ProjectNav';
import { RolesForm } from '../components/roles/RolesForm';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useRequest } from '../components/useRequest';
import { en } from '../text/en';

interface Props {
  project: ProjectInfo;
  dataset: DatasetSummary;
  from: 'preview' | 'dataset';
  busy: boolean;
  onSaved: () => void;
  onBack: () => void;
  onCloseProject: () => void;
}

/** Step 2: what each column is for, in plain questions, pre-filled with Slicewise's guesses. */
export function RolesScreen({ project, dataset, from, busy, onSaved, onBack, onCloseProject }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const state = useRequest(() => request('getRoles', { projectId: project.id, datasetId: dataset.id }));
  const columns = dataset.columns.map((c) => c.name);

  const save = async (roles: DatasetRoles): Promise<void> => {
    try {
      await request('setRoles', { projectId: project.id, datasetId: dataset.id, roles });
    } catch (err) {
      throw asErrorData(err);
    }
    onSaved();
  };

  return (
    <div className="screen" data-testid="roles-screen" data-dataset-id={dataset.id}>
      <AppHeader
        context={project.name}
        actions={<CloseProjectButton onClick={onCloseProject} disabled={busy} />}
      />
      <main id="main" className="page page--form">
        <BackLink onClick={onBack} testId="roles-back">
          {from === 'preview' ? en.roles.back : en.roles.backToSummary(dataset.name)}
        </BackLink>
        <div className="page-head__text">
          <p className="eyebrow">{from === 'preview' ? en.roles.eyebrow : dataset.name}</p>
          <h1 ref={heading} tabIndex={-1} className="page-head__title">
            {en.roles.heading}
          </h1>
        </div>
        <p className="panel__intro">{en.roles.intro}</p>
        {state.error ? (
          <p className="muted" role="alert">
            {state.error.message}{' '}
            <button type="button" className="link-button" onClick={state.reload}>
              {en.errors.retry}
            </button>
          </p>
        ) : state.value ? (
          <>
            <p className={`roles-state${state.value.confirmed ? ' roles-state--confirmed' : ''}`} data-testid="roles-state" data-confirmed={state.value.confirmed}>
              <span className="roles-state__icon" aria-hidden="true">
                {state.value.confirmed ? '✓' : '?'}
              </span>
              {state.value.confirmed ? en.roles.confirmedState : en.roles.guessedState}
            </p>
            <RolesForm state={state.value} columns={columns} onSave={save} />
          </>
        ) : (
          <p className="muted" aria-busy="true">
            {en.roles.loading}
          </p>
        )}
      </main>
    </div>
  );
}
