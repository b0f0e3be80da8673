/** Enters or leaves full screen; browsers refuse outside a user gesture, which is then a no-op. */
export function toggleFullScreen(element: HTMLElement): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void element.requestFullscreen?.().catch(() => undefined);
}
