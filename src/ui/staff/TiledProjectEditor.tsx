import { useState } from 'react';
import { outsideScope, type EditScope } from '../../domain/access/editScope';
import { changeAttributes } from '../../domain/edits/changeAttributes';
import { changeStatus } from '../../domain/edits/changeStatus';
import type { EditResult } from '../../domain/edits/editResult';
import type { LayerDefinition, LocalizedText } from '../../domain/plan/manifest';
import type { PlanFeature } from '../../domain/plan/planFeature';
import type { PlanMapApi, SaveResult } from '../../data/planMapApi';
import { useTranslation } from '../LocaleContext';
import { AttributeForm } from './AttributeForm';
import { OutsideScopeNote } from './OutsideScopeNote';
import { StatusForm } from './StatusForm';

interface TiledProjectEditorProps {
  definition: LayerDefinition;
  project: PlanFeature;
  /** The project's version as read: the save is conditional on it. */
  version: string;
  api: PlanMapApi;
  csrfToken: string | null;
  scope: EditScope | null;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'refused'; messages: LocalizedText[] };

const STALE: LocalizedText = {
  zh: '此项目刚被他人修改，未保存；卡片已显示最新内容，请再改一次',
  en: 'Someone else has just changed this project, so this was not saved; the card now shows the latest, please change it again',
};

function refusalMessages(result: SaveResult): LocalizedText[] {
  switch (result.kind) {
    case 'stale': return [STALE];
    case 'invalid':
    case 'needs-confirmation': return result.problems.map((problem) => problem.message);
    case 'forbidden':
    case 'failed': return [result.message];
    case 'saved': return [];
  }
}

/**
 * The editor's part of a tiled layer's details card: status and attributes of the one project,
 * each change saved at once as that project alone (PUT …/features/<id>, conditional on its
 * version), because the page never holds the whole layer to save. The server validates and
 * scopes it as it does every save; its event then redraws the tiles and reloads the card and panels.
 */
export function TiledProjectEditor({ definition, project, version, api, csrfToken, scope }: TiledProjectEditorProps) {
  const t = useTranslation();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  if (outsideScope(scope ?? undefined, definition.id, project)) return <OutsideScopeNote scope={scope} layerId={definition.id} feature={project} />;
  const apply = (edit: EditResult): LocalizedText | undefined => {
    if (!edit.ok) return edit.reason;
    const changed = edit.moment.putFeatures.find((feature) => feature.id === project.id);
    if (!changed || !csrfToken) return undefined;
    setState({ kind: 'saving' });
    void api.putProject(definition.id, project.id, JSON.stringify(changed), version, csrfToken)
      .then((result) => setState(result.kind === 'saved' ? { kind: 'saved' } : { kind: 'refused', messages: refusalMessages(result) }))
      .catch((error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        setState({ kind: 'refused', messages: [{ zh: text, en: text }] });
      });
    return undefined;
  };
  const alone = { type: 'FeatureCollection' as const, features: [project] };
  return (
    <section className="feature-editor tiled-project-editor" aria-label={t('editing')} aria-busy={state.kind === 'saving'}>
      <h3>{t('editStatus')}</h3>
      <StatusForm
        key={`${project.id}:${version}`}
        definition={definition}
        currentStatus={project.properties.status}
        onApply={(statusId, date) => apply(changeStatus(alone, definition, [project.id], statusId, date))}
      />
      <h3>{t('editAttributes')}</h3>
      <AttributeForm
        key={`${project.id}:${version}:attributes`}
        definition={definition}
        feature={project}
        onApply={(patch, check) => apply(changeAttributes(alone, project.id, patch, definition, check))}
      />
      {state.kind === 'saving' && <p className="muted" role="status">{t('saving')}</p>}
      {state.kind === 'saved' && <p className="save-ok" role="status">{t('savedOk')}</p>}
      {state.kind === 'refused' && (
        <div className="form-error" role="alert">
          <p>{t('saveRejected')}</p>
          <ul>{state.messages.map((message, index) => <li key={index}>{t.text(message)}</li>)}</ul>
        </div>
      )}
    </section>
  );
}
