/** A document's distinct term ids with one number each (a count, later a weight). */
export interface TermBag {
  ids: Int32Array;
  values: Float64Array;
}

/** Tallies weighted term ids one document at a time in a reusable dense array: no map per document. */
export class TermTally {
  private totals = new Float64Array(1024);
  private readonly touched: number[] = [];

  /** `weight` must be positive. */
  add(termId: number, weight: number): void {
    if (termId >= this.totals.length) this.grow(termId);
    if (this.totals[termId] === 0) this.touched.push(termId);
    this.totals[termId] += weight;
  }

  /** The tallied document, in first-seen order; the tally is then empty for the next one. */
  take(): TermBag {
    const ids = Int32Array.from(this.touched);
    const values = new Float64Array(ids.length);
    ids.forEach((id, i) => {
      values[i] = this.totals[id];
      this.totals[id] = 0;
    });
    this.touched.length = 0;
    return { ids, values };
  }

  private grow(termId: number): void {
    const grown = new Float64Array(Math.max(termId + 1, this.totals.length * 2));
    grown.set(this.totals);
    this.totals = grown;
  }
}
