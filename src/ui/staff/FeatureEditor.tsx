import { changeAttributes } from '../../domain/edits/changeAttributes';
import { changeStatus } from '../../domain/edits/changeStatus';
import { deleteFeatures } from '../../domain/edits/deleteFeatures';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { PlanFeature } from '../../domain/plan/planFeature';
import { useTranslation } from '../LocaleContext';
import { AttributeForm } from './AttributeForm';
import { StatusForm } from './StatusForm';
import type { StaffEditing } from './useStaffEditing';

interface FeatureEditorProps {
  definition: LayerDefinition;
  feature: PlanFeature;
  editing: StaffEditing;
}

/** The editor's part of the details card: status, attributes, delete. */
export function FeatureEditor({ definition, feature, editing }: FeatureEditorProps) {
  const t = useTranslation();
  const layerId = definition.id;
  const remove = () => {
    if (window.confirm(t('confirmDelete'))) editing.edit(layerId, (collection) => deleteFeatures(collection, [feature.id]));
  };
  return (
    <section className="feature-editor" aria-label={t('editing')}>
      <h3>{t('editStatus')}</h3>
      <StatusForm
        key={`${feature.id}:${feature.properties.status}`}
        definition={definition}
        currentStatus={feature.properties.status}
        onApply={(statusId, date) => editing.edit(layerId, (collection, layer) => changeStatus(collection, layer, [feature.id], statusId, date))}
      />
      <h3>{t('editAttributes')}</h3>
      <AttributeForm
        key={JSON.stringify(feature.properties)}
        definition={definition}
        feature={feature}
        onApply={(patch, check) => editing.edit(layerId, (collection, layer) => changeAttributes(collection, feature.id, patch, layer, check))}
      />
      <button type="button" className="button-danger delete-feature" onClick={remove}>{t('deleteFeature')}</button>
    </section>
  );
}
