import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from './LocaleContext';

function PanelLoadFailed() {
  const t = useTranslation();
  return (
    <div className="form-error lazy-panel-failed" role="alert">
      {t('panelLoadFailed')}{' '}
      <button type="button" className="button-quiet" onClick={() => window.location.reload()}>{t('reloadPage')}</button>
    </div>
  );
}

class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <PanelLoadFailed /> : this.props.children;
  }
}

/**
 * A panel whose code loads on first use (React.lazy): while it loads nothing shows; if it cannot
 * load (the server is gone, or a new version replaced the old files), the panel says so and
 * offers a reload instead of the whole page going blank.
 */
export function LazyPanel({ children }: { children: ReactNode }) {
  return (
    <ChunkBoundary>
      <Suspense fallback={null}>{children}</Suspense>
    </ChunkBoundary>
  );
}
