import type { Page } from 'playwright-core';

export interface LayoutReport {
  /** Text that spills outside the panel that holds it. */
  overflowing: string[];
  /** Pairs of panels that overlap. */
  overlapping: string[];
  /** The smallest font size of any visible text, in CSS pixels. */
  smallestFontPixels: number;
  smallestFontText: string;
}

/**
 * Checks what a person at the back of the room would notice: text cut off or spilling out of its
 * panel, panels on top of each other, and text too small to read.
 */
export function layoutProblems(page: Page, panelSelector: string): Promise<LayoutReport> {
  return page.evaluate((selector) => {
    const panels = [...document.querySelectorAll<HTMLElement>(selector)];
    const report = { overflowing: [] as string[], overlapping: [] as string[], smallestFontPixels: Infinity, smallestFontText: '' };
    const describe = (element: Element) => `${element.className || element.tagName}: "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    for (const panel of panels) {
      const box = panel.getBoundingClientRect();
      const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (!text || !parent) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        if (rect.left < box.left - 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.bottom > box.bottom + 1) {
          report.overflowing.push(describe(parent));
        }
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < report.smallestFontPixels) {
          report.smallestFontPixels = size;
          report.smallestFontText = text.slice(0, 40);
        }
      }
    }
    for (let first = 0; first < panels.length; first += 1) {
      for (let second = first + 1; second < panels.length; second += 1) {
        const a = panels[first]?.getBoundingClientRect();
        const b = panels[second]?.getBoundingClientRect();
        if (!a || !b || panels[first]?.contains(panels[second] ?? null) || panels[second]?.contains(panels[first] ?? null)) continue;
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 1 && overlapY > 1) report.overlapping.push(`${describe(panels[first] as Element)} × ${describe(panels[second] as Element)}`);
      }
    }
    return report;
  }, panelSelector);
}
