/** Which blocks are taken, so that no two projects claim the same ground. */
import type { Block } from './blocks';

export class Sites {
  readonly blocksByCell: ReadonlyMap<string, Block>;
  private readonly used = new Set<string>();
  /** Cell id -> site id, for cells merged into one site (local streets between them are removed). */
  readonly merges = new Map<string, string>();

  constructor(readonly blocks: readonly Block[]) {
    this.blocksByCell = new Map(blocks.map((b) => [b.cell.id, b]));
  }

  isFree(cellId: string): boolean {
    return this.blocksByCell.has(cellId) && !this.used.has(cellId);
  }

  /** A free block that no land, river or hill cut: safe to shape freely in grid coordinates. */
  freeWhole(cellId: string): Block | undefined {
    const block = this.blocksByCell.get(cellId);
    return block !== undefined && block.whole && !this.used.has(cellId) ? block : undefined;
  }

  take(cellIds: readonly string[], siteId?: string): void {
    for (const id of cellIds) {
      this.used.add(id);
      if (siteId !== undefined && cellIds.length > 1) this.merges.set(id, siteId);
    }
  }

  freeBlocks(filter: (block: Block) => boolean): Block[] {
    return this.blocks.filter((b) => !this.used.has(b.cell.id) && filter(b));
  }
}
