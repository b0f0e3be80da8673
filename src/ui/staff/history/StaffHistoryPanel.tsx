import type { MeasuredLayer } from '../../../domain/measure/measuredLayer';
import type { LayerUpdates } from '../live/useLayerUpdates';
import type { StaffEditing } from '../useStaffEditing';
import type { StaffSession } from '../useStaffSession';
import { HistoryPanel } from './HistoryPanel';

interface StaffHistoryPanelProps {
  layerId: string;
  /** The layers as the map shows them. */
  layers: readonly MeasuredLayer[];
  staff: StaffSession;
  editing: StaffEditing;
  updates: LayerUpdates;
  onClose: () => void;
}

/** The history panel of one layer for whoever is signed in: editors may restore, viewers only look. */
export function StaffHistoryPanel({ layerId, layers, staff, editing, updates, onClose }: StaffHistoryPanelProps) {
  const layer = layers.find((candidate) => candidate.definition.id === layerId);
  if (!layer || staff.session.user === null) return null;
  return (
    <HistoryPanel
      api={staff.api}
      layer={layer}
      shownVersion={updates.shownVersion(layerId)}
      canRestore={editing.canEdit(layerId)}
      hasUnsavedEdits={editing.dirtyLayerIds.includes(layerId)}
      onRestore={(version) => updates.restore(layerId, version)}
      onClose={onClose}
    />
  );
}
