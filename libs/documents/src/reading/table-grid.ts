/**
 * A table as a grid of cell texts. A cell merged across columns keeps its text in its first column;
 * a cell merged down over rows (Word's vMerge, HTML's rowspan) gives its text to every row it covers,
 * as a person reads it: the lead unit of a merged cell leads each of those rows.
 */
export class TableGrid {
  private readonly grid: string[][] = [];
  /** Column → the text still covering it from a rowspan above, and for how many more rows. */
  private readonly covering = new Map<number, { text: string; rows: number }>();
  private column = 0;

  startRow(): void {
    this.finishRow();
    this.grid.push([]);
    this.column = 0;
    this.skipCovered();
  }

  /** text null: Word's "continue the merge from above" in this column. */
  addCell(text: string | null, colSpan = 1, rowSpan = 1): void {
    const row = this.grid[this.grid.length - 1]!;
    const value = text ?? this.above(this.column);
    const span = Math.max(1, Math.min(colSpan, 64));
    for (let offset = 0; offset < span; offset++) {
      row[this.column] = offset === 0 ? value : '';
      if (rowSpan > 1) this.covering.set(this.column, { text: offset === 0 ? value : '', rows: rowSpan - 1 });
      this.column++;
    }
    this.skipCovered();
  }

  rows(): string[][] {
    this.finishRow();
    const width = Math.max(0, ...this.grid.map((row) => row.length));
    return this.grid.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ''));
  }

  /** Columns after the row's last cell that a rowspan still covers. */
  private finishRow(): void {
    const row = this.grid[this.grid.length - 1];
    if (row === undefined) return;
    for (const [column, cover] of [...this.covering.entries()].sort((a, b) => a[0] - b[0])) {
      if (row[column] !== undefined) continue;
      row[column] = cover.text;
      if (--cover.rows === 0) this.covering.delete(column);
    }
  }

  private above(column: number): string {
    return this.grid[this.grid.length - 2]?.[column] ?? '';
  }

  private skipCovered(): void {
    const row = this.grid[this.grid.length - 1]!;
    for (let cover = this.covering.get(this.column); cover !== undefined; cover = this.covering.get(this.column)) {
      if (row.length > this.column) break;
      row[this.column] = cover.text;
      if (--cover.rows === 0) this.covering.delete(this.column);
      this.column++;
    }
  }
}
