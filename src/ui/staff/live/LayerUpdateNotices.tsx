import type { Manifest } from '../../../domain/plan/manifest';
import { fillMessage } from '../../fillMessage';
import { useTranslation } from '../../LocaleContext';
import type { LayerNotice } from './useLayerNotices';

/** Who changed which layer while the page was open, and whether the map shows it or the user's edits were kept. */
export function LayerUpdateNotices({ manifest, notices, onDismiss }: { manifest: Manifest; notices: readonly LayerNotice[]; onDismiss: (id: number) => void }) {
  const t = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="layer-update-notices" role="status" aria-live="polite">
      {notices.map((notice) => {
        const definition = manifest.layers.find((layer) => layer.id === notice.layerId);
        const layer = definition ? t.text(definition.name) : notice.layerId;
        const { author } = notice;
        const headline = author.kind === 'user'
          ? fillMessage(t('layerUpdatedBy'), { layer, user: author.user })
          : fillMessage(t(author.kind === 'disk' ? 'layerChangedOnDisk' : 'layerUpdated'), { layer });
        return (
          <p key={notice.id} className={`layer-update-notice${notice.keptEdits ? ' is-kept-edits' : ''}`} data-layer-id={notice.layerId} data-author={author.kind}>
            <span><strong>{headline}</strong> {t(notice.keptEdits ? 'layerUpdateKeptEdits' : 'layerUpdateShown')}</span>
            <button type="button" className="icon-button" onClick={() => onDismiss(notice.id)} aria-label={t('close')}>×</button>
          </p>
        );
      })}
    </div>
  );
}
