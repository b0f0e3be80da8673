import { useRef, type ReactNode } from 'react';
import type { Manifest } from '../../domain/plan/manifest';
import { useTranslation } from '../LocaleContext';
import type { SaveStatus, StaffEditing } from './useStaffEditing';
import { DraftOfferList } from './DraftOfferList';
import { RefusedFeatureList } from './RefusedFeatureList';
import { scopeParts, type EditScope } from '../../domain/access/editScope';
import { fillMessage } from '../fillMessage';

function SaveStatusNote({ status }: { status: SaveStatus | undefined }) {
  const t = useTranslation();
  if (!status) return null;
  if (status.kind === 'saving') return <span className="save-status" role="status">{t('saving')}</span>;
  if (status.kind === 'saved') return <span className="save-status save-ok" role="status">{t('savedOk')}</span>;
  if (status.kind === 'failed') return <p className="form-error save-problems" role="alert">{status.unreachable ? null : `${t('saveFailed')} `}{t.text(status.message)}</p>;
  if (status.kind === 'forbidden')
    return (
      <div className="form-error save-problems" role="alert">
        {t('saveRejected')} {t.text(status.message)}
        <RefusedFeatureList features={status.features} />
      </div>
    );
  return (
    <div className="form-error save-problems" role="alert">
      {t('saveRejected')}
      <ul>
        {status.problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`}>{t.text(problem.message)}</li>
        ))}
      </ul>
    </div>
  );
}

/** What a scoped account may edit, in a line (可编辑：东湖街道 · 城中村); nothing for an account without a scope. */
function ScopeLabel({ manifest, scope }: { manifest: Manifest; scope: EditScope | null }) {
  const t = useTranslation();
  if (!scope) return null;
  const layerName = (id: string) => {
    const layer = manifest.layers.find((candidate) => candidate.id === id);
    return layer ? t.text(layer.name) : id;
  };
  return <p className="edit-scope" title={t('editScopeHint')}>{fillMessage(t('editScope'), { scope: scopeParts(scope, layerName).join(' · ') })}</p>;
}

/** Undo, redo, what the account may edit, and per layer: unsaved changes, save, and what the last save said. */
export function EditBar({ manifest, editing, scope, onImportFile, onShowHistory, tools }: { manifest: Manifest; editing: StaffEditing; scope: EditScope | null; onImportFile: (file: File) => void; onShowHistory?: (layerId: string) => void; tools?: ReactNode }) {
  const t = useTranslation();
  const fileRef = useRef<HTMLInputElement | null>(null);
  const { state } = editing;
  const shown = manifest.layers.filter((layer) => editing.dirtyLayerIds.includes(layer.id) || editing.saveStatus[layer.id] !== undefined);
  return (
    <section className="edit-bar" aria-label={t('editing')}>
      <ScopeLabel manifest={manifest} scope={scope} />
      <div className="edit-bar-row">
        <button type="button" className="undo" disabled={state.undoOrder.length === 0} onClick={editing.undo} title="Ctrl+Z">{t('undo')}</button>
        <button type="button" className="redo" disabled={state.redoOrder.length === 0} onClick={editing.redo} title="Ctrl+Shift+Z">{t('redo')}</button>
        <button type="button" className="import-button" title={t('importHint')} onClick={() => fileRef.current?.click()}>{t('importFile')}</button>
        <input
          ref={fileRef}
          type="file"
          className="import-file-input"
          accept=".geojson,.json,.zip,.kml,.kmz,.dxf,.gpkg,.csv,.tsv,.txt,.xlsx"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onImportFile(file);
            event.target.value = '';
          }}
        />
      </div>
      {tools}
      <DraftOfferList manifest={manifest} editing={editing} />
      {shown.map((layer) => (
        <div className="edit-layer" key={layer.id} data-layer-id={layer.id}>
          <span className="edit-layer-name" style={{ borderColor: layer.color }}>{t.text(layer.name)}</span>
          {editing.dirtyLayerIds.includes(layer.id) && (
            <>
              <span className="unsaved-indicator">{t('unsavedChanges')}</span>
              <button type="button" className="save-layer" disabled={editing.saveStatus[layer.id]?.kind === 'saving'} onClick={() => void editing.save(layer.id)}>{t('save')}</button>
            </>
          )}
          <SaveStatusNote status={editing.saveStatus[layer.id]} />
          {onShowHistory && <button type="button" className="button-quiet show-history" onClick={() => onShowHistory(layer.id)}>{t('versionHistory')}</button>}
        </div>
      ))}
    </section>
  );
}
