const STORAGE_KEY = 'plan-map.tianditu-key';

/** The Tianditu key: one saved in this browser, else the one the build was configured with. */
export function tiandituKey(): string | null {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  const configured = import.meta.env.VITE_TIANDITU_KEY as string | undefined;
  return saved || configured || null;
}

export function saveTiandituKey(key: string): void {
  window.localStorage.setItem(STORAGE_KEY, key.trim());
}
