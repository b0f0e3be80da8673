import type { ReactNode } from 'react';
import { formatCount } from '../../../domain/format/formatMeasure';
import { formatLocalDateTime } from '../../../domain/format/formatLocalDateTime';
import { formatMeasureDelta } from '../../../domain/format/formatMeasureDelta';
import type { LayerDefinition, Locale } from '../../../domain/plan/manifest';
import type { VersionHistoryEntry } from '../../../domain/versions/versionHistoryEntries';
import { fillMessage } from '../../fillMessage';
import { useTranslation } from '../../LocaleContext';
import { VersionProjects } from './VersionProjects';

/** Versions are content hashes; a short prefix tells them apart on screen, as git does. */
export function shortVersion(version: string): string {
  return version.slice(0, 8);
}

/** The measure change of a save in the layer's unit; roads need the audit record's length, which a version alone lacks. */
function measureDelta(definition: LayerDefinition, entry: VersionHistoryEntry, locale: Locale): string | undefined {
  // A point layer has no measure but its count, which the row shows already.
  if (definition.unit === undefined) return undefined;
  if (definition.unit === 'km') return entry.totalLengthDeltaMeters === null ? undefined : formatMeasureDelta('km', 0, entry.totalLengthDeltaMeters, locale);
  return formatMeasureDelta(definition.unit, entry.summary.totalAreaDeltaSquareMeters, 0, locale);
}

interface VersionRowProps {
  definition: LayerDefinition;
  entry: VersionHistoryEntry;
  /** A project's name in the layer as shown, for records that do not name their projects. */
  nameOf: (id: string) => string | null;
  chosen: boolean;
  onChoose: () => void;
  /** The chosen version's details, shown under its row. */
  children?: ReactNode;
}

/** One kept version: when, who, how it came about and what its save changed, naming the projects. */
export function VersionRow({ definition, entry, nameOf, chosen, onChoose, children }: VersionRowProps) {
  const t = useTranslation();
  const { summary } = entry;
  const origin = summary.origin === 'disk'
    ? t('versionFromDisk')
    : summary.origin === 'restore' ? fillMessage(t('versionRestored'), { version: shortVersion(summary.restoredFrom ?? '') }) : t('versionSaved');
  const delta = summary.origin === 'disk' ? undefined : measureDelta(definition, entry, t.locale);
  // Restoring brings back the same content, hence the same hash: "restored from X · X" says nothing more.
  const namesItself = summary.origin === 'restore' && shortVersion(summary.restoredFrom ?? '') === shortVersion(entry.version);
  return (
    <li className={`version-row${chosen ? ' is-chosen' : ''}${entry.current ? ' is-current' : ''}`} data-version={entry.version}>
      <button type="button" className="version-choose" aria-pressed={chosen} onClick={onChoose}>
        <span className="version-head">
          <time dateTime={entry.time}>{formatLocalDateTime(entry.time)}</time>
          <span className="version-user">{entry.user ?? t('versionOutsideApp')}</span>
          {entry.current && <span className="version-current">{t('versionCurrent')}</span>}
        </span>
        <span className="version-origin">{origin}{!namesItself && <> · <code>{shortVersion(entry.version)}</code></>}</span>
        {summary.origin !== 'disk' && (
          <span className="version-summary">
            {fillMessage(t('versionCounts'), { added: formatCount(summary.added, t.locale), removed: formatCount(summary.removed, t.locale), changed: formatCount(summary.changed, t.locale) })}
            {delta !== undefined && ` · ${fillMessage(t('versionMeasureDelta'), { delta })}`}
            {entry.statusRegressionCount ? ` · ${fillMessage(t('versionRegressions'), { count: formatCount(entry.statusRegressionCount, t.locale) })}` : ''}
          </span>
        )}
        {entry.projects && <VersionProjects projects={entry.projects} nameOf={nameOf} />}
      </button>
      {children}
    </li>
  );
}
