import { normaliseHeader, suggestMapping } from './suggest';

describe('normaliseHeader', () => {
  it('drops case, accents and punctuation', () => {
    expect(normaliseHeader('Data_Zwrotu')).toBe('data zwrotu');
    expect(normaliseHeader('  Rücksendegrund ')).toBe('rucksendegrund');
    expect(normaliseHeader('Ilość (szt.)')).toBe('ilosc szt');
    expect(normaliseHeader('Дата обращения')).toBe('дата обращения');
  });
});

describe('suggestMapping', () => {
  it('maps an English helpdesk export confidently', () => {
    const suggestion = suggestMapping('claims', [
      'Ticket ID',
      'Type',
      'Channel',
      'Order Number',
      'SKU',
      'Reason',
      'Date received',
      'Status',
      'Comment',
    ]);
    expect(suggestion.mapping.columns).toEqual({
      external_id: 'Ticket ID',
      type: 'Type',
      channel: 'Channel',
      order_id: 'Order Number',
      sku: 'SKU',
      reason_code: 'Reason',
      reason_text: 'Comment',
      opened_at: 'Date received',
      status: 'Status',
    });
    expect(suggestion.confident).toBe(true);
    expect(suggestion.unusedColumns).toEqual([]);
  });

  it('maps Polish, Russian and German headers', () => {
    const pl = suggestMapping('claims', [
      'numer_reklamacji',
      'rodzaj',
      'kanał',
      'data_zwrotu',
      'powód',
    ]);
    expect(pl.mapping.columns).toMatchObject({
      external_id: 'numer_reklamacji',
      type: 'rodzaj',
      channel: 'kanał',
      opened_at: 'data_zwrotu',
      reason_code: 'powód',
    });
    expect(pl.confident).toBe(true);
    const ru = suggestMapping('claims', ['Номер обращения', 'Тип', 'Канал', 'Дата обращения']);
    expect(ru.mapping.columns).toMatchObject({
      external_id: 'Номер обращения',
      type: 'Тип',
      channel: 'Канал',
      opened_at: 'Дата обращения',
    });
    const de = suggestMapping('sales', [
      'Bestellnummer',
      'Artikelnummer',
      'Menge',
      'Einzelpreis',
      'Währung',
      'Bestelldatum',
    ]);
    expect(de.mapping.columns).toEqual({
      order_id: 'Bestellnummer',
      sku: 'Artikelnummer',
      quantity: 'Menge',
      unit_price: 'Einzelpreis',
      currency: 'Währung',
      ordered_at: 'Bestelldatum',
    });
    expect(de.confident).toBe(true);
  });

  it('is not confident when a required field has no column or only a weak match', () => {
    const suggestion = suggestMapping('claims', ['Ticket', 'Order date', 'Kind of thing']);
    expect(suggestion.confident).toBe(false);
    expect(suggestion.missingRequired).toEqual(['type', 'channel', 'opened_at']);
    expect(suggestion.matches.find((m) => m.column === 'Order date')?.confidence).toBeLessThan(0.8);
  });

  it('counts a default as a mapped required field', () => {
    const suggestion = suggestMapping('claims', ['id', 'type', 'created'], { channel: 'email' });
    expect(suggestion.missingRequired).toEqual([]);
    expect(suggestion.mapping.defaults).toEqual({ channel: 'email' });
  });
});
