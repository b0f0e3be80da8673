import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import { searchFeatures } from '../domain/browse/searchFeatures';
import type { FeatureRef } from '../map/PlanMapController';
import { useTranslation } from './LocaleContext';
import { useTiledSearch } from './useTiledSearch';

interface SearchBoxProps {
  layers: MeasuredLayer[];
  onOpenFeature: (feature: FeatureRef) => void;
  /** Layers too large for the page: searched on the server, their hits after the page's own. */
  tiledLayerIds?: ReadonlySet<string>;
}

const NO_TILED_LAYERS: ReadonlySet<string> = new Set();
/** The page's hits and the server's together: a screenful. */
const MOST_HITS = 16;

/** A combobox: type, arrow through the hits, Enter flies to one. "/" focuses it from anywhere. */
export function SearchBox({ layers, onOpenFeature, tiledLayerIds = NO_TILED_LAYERS }: SearchBoxProps) {
  const t = useTranslation();
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const listId = useId();
  const searchable = useMemo(() => layers.map((layer) => ({ layerId: layer.definition.id, ...layer.keys() })), [layers]);
  const tiledHits = useTiledSearch(tiledLayerIds, query);
  const hits = useMemo(() => [...searchFeatures(searchable, query), ...tiledHits].slice(0, MOST_HITS), [searchable, query, tiledHits]);
  const layerName = (layerId: string) => {
    const definition = layers.find((layer) => layer.definition.id === layerId)?.definition;
    return definition ? t.text(definition.name) : layerId;
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key === '/' && target?.tagName !== 'INPUT' && target?.tagName !== 'TEXTAREA') {
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const choose = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    onOpenFeature({ layerId: hit.layerId, featureId: hit.featureId });
    setOpen(false);
    setQuery(hit.name);
    inputRef.current?.blur();
  };

  return (
    <div className="search" role="search">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded={open && query.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[activeIndex] ? `${listId}-${activeIndex}` : undefined}
        aria-label={t('searchPlaceholder')}
        placeholder={`${t('searchPlaceholder')}  /`}
        value={query}
        onChange={(event) => { setQuery(event.target.value); setActiveIndex(0); setOpen(true); }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') { event.preventDefault(); setActiveIndex((index) => Math.min(index + 1, hits.length - 1)); }
          else if (event.key === 'ArrowUp') { event.preventDefault(); setActiveIndex((index) => Math.max(index - 1, 0)); }
          else if (event.key === 'Enter') { event.preventDefault(); choose(activeIndex); }
          else if (event.key === 'Escape') { setOpen(false); }
        }}
      />
      {open && query.length > 0 && (
        <ul id={listId} role="listbox" className="search-results">
          {hits.length === 0 && <li className="search-empty">{t('searchNoResults')}</li>}
          {hits.map((hit, index) => (
            <li
              key={`${hit.layerId}/${hit.featureId}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'active' : undefined}
              onMouseDown={(event) => { event.preventDefault(); choose(index); }}
            >
              <span className="search-name">{hit.name}</span>
              <span className="search-meta">{layerName(hit.layerId)} · {hit.featureId}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
