/**
 * Keys for a list whose items come and go (the messages in flight): each item keeps its slot
 * while it stays, and a new item takes the lowest slot a departed one left. React keys the
 * message dots by slot, so a far seek, where every message in flight is new, updates the SVG
 * groups in place instead of removing hundreds and creating hundreds (issue 17, item 5).
 * Between nearby frames, when most messages stay, a dot stays the same element.
 */
export class SlotKeys {
  private readonly slotOf = new Map<number, number>();
  /** Slots given back, kept sorted so the lowest is reused first. */
  private free: number[] = [];
  private next = 0;

  /** The slot of each id, in order. Ids missing from `ids` give their slots back first. */
  assign(ids: readonly number[]): number[] {
    const live = new Set(ids);
    let released = false;
    for (const [id, slot] of this.slotOf) {
      if (live.has(id)) continue;
      this.slotOf.delete(id);
      this.free.push(slot);
      released = true;
    }
    if (released) this.free.sort((a, b) => b - a);
    return ids.map((id) => {
      let slot = this.slotOf.get(id);
      if (slot === undefined) {
        slot = this.free.pop() ?? this.next++;
        this.slotOf.set(id, slot);
      }
      return slot;
    });
  }
}
