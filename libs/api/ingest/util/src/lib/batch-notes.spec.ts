import { BatchNotes, CUT_LISTED } from './batch-notes';

describe('BatchNotes', () => {
  it('says nothing when nothing was done', () => {
    expect(new BatchNotes().warnings(20_000)).toEqual([]);
  });

  it('counts derived keys, negative quantities and names, and lists texts cut with their length', () => {
    const notes = new BatchNotes();
    notes.add(1, [{ kind: 'derived_key', by: 'sku' }, { kind: 'negative_quantity' }]);
    notes.add(2, [{ kind: 'derived_key', by: 'sku' }]);
    notes.add(3, [{ kind: 'cut', field: 'reason_text', length: 21_928 }]);
    notes.repeatedSkuLines = 1;
    expect(notes.skuKeyed).toBe(2);
    expect(notes.warnings(20_000)).toEqual([
      'No line id column: 2 lines are keyed by their order and SKU; 1 of them repeat a SKU within their order and are numbered by their place in the file (order:SKU:2, :3 …).',
      '1 rows had a negative quantity (credit-note lines): read as that many returned units.',
      'Row 3: reason_text was 21,928 characters long; it was kept, cut to at most 20,000 at a word boundary.',
    ]);
  });

  it('lists the first cut texts and counts the others', () => {
    const notes = new BatchNotes();
    for (let row = 1; row <= CUT_LISTED + 5; row++)
      notes.add(row, [{ kind: 'cut', field: 'text', length: 30_000 }]);
    const warnings = notes.warnings(20_000);
    expect(warnings).toHaveLength(CUT_LISTED + 1);
    expect(warnings[CUT_LISTED]).toBe('5 more texts over 20,000 characters were kept cut.');
  });
});
