import { changeStatus } from '../../domain/edits/changeStatus';
import type { Manifest } from '../../domain/plan/manifest';
import { useTranslation } from '../LocaleContext';
import { StatusForm } from './StatusForm';
import type { StaffEditing } from './useStaffEditing';

/** One status change for every feature picked with Shift+click: one edit, one undo. */
export function BulkStatusPanel({ manifest, editing }: { manifest: Manifest; editing: StaffEditing }) {
  const t = useTranslation();
  const selection = editing.state.selection;
  const definition = manifest.layers.find((layer) => layer.id === selection?.layerId);
  if (!selection || !definition) return null;
  return (
    <section className="feature-details bulk-status" aria-label={t('selectedCount')}>
      <header>
        <span className="details-layer" style={{ borderColor: definition.color }}>{t.text(definition.name)}</span>
        <h2>{t('selectedCount')}: {selection.featureIds.length}</h2>
        <button type="button" className="icon-button" onClick={() => editing.select(null)} aria-label={t('clearSelection')}>×</button>
      </header>
      <p className="muted">{t('bulkStatusHelp')}</p>
      <ul className="bulk-ids">{selection.featureIds.map((id) => <li key={id}><code>{id}</code></li>)}</ul>
      <StatusForm
        definition={definition}
        onApply={(statusId, date) => editing.edit(definition.id, (collection, layer) => changeStatus(collection, layer, selection.featureIds, statusId, date))}
      />
    </section>
  );
}
