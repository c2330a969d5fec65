import { normaliseHeader, ratingScaleOf, suggestMapping } from './suggest';
import { suggestChannelGroup } from './enum-synonyms';

describe('normaliseHeader', () => {
  it('drops case, accents and punctuation', () => {
    expect(normaliseHeader('Data_Zwrotu')).toBe('data zwrotu');
    expect(normaliseHeader('  Rücksendegrund ')).toBe('rucksendegrund');
    expect(normaliseHeader('Ilość (szt.)')).toBe('ilosc szt');
    expect(normaliseHeader('Дата обращения')).toBe('дата обращения');
  });

  it('splits CamelCase and snake, kebab words', () => {
    expect(normaliseHeader('InvoiceNo')).toBe('invoice no');
    expect(normaliseHeader('CustomerID')).toBe('customer id');
    expect(normaliseHeader('order_purchase_timestamp')).toBe('order purchase timestamp');
    expect(normaliseHeader('ship-date')).toBe('ship date');
    expect(normaliseHeader('SKU')).toBe('sku');
  });
});

describe('suggestMapping with values', () => {
  const rows = (column: string, values: string[]) => values.map((v) => ({ [column]: v }));

  it('reads French, Spanish and Ukrainian exports', () => {
    const fr = suggestMapping('claims', [
      'Numéro de réclamation',
      'Type de demande',
      'Canal',
      'Numéro de commande',
      'Référence produit',
      'Quantité',
      'Motif',
      'Commentaire',
      'Date de création',
      'Statut',
      'Date de clôture',
    ]);
    expect(fr.mapping.columns).toEqual({
      external_id: 'Numéro de réclamation',
      type: 'Type de demande',
      channel: 'Canal',
      order_id: 'Numéro de commande',
      sku: 'Référence produit',
      quantity: 'Quantité',
      reason_code: 'Motif',
      reason_text: 'Commentaire',
      opened_at: 'Date de création',
      resolved_at: 'Date de clôture',
      status: 'Statut',
    });
    const es = suggestMapping('sales', [
      'Número de pedido',
      'Referencia',
      'Cantidad',
      'Precio unitario',
      'Moneda',
      'Fecha de pedido',
      'Fecha de entrega',
    ]);
    expect(es.mapping.columns).toEqual({
      order_id: 'Número de pedido',
      sku: 'Referencia',
      quantity: 'Cantidad',
      unit_price: 'Precio unitario',
      currency: 'Moneda',
      ordered_at: 'Fecha de pedido',
      delivered_at: 'Fecha de entrega',
    });
    const uk = suggestMapping('feedback', [
      'ID відгуку',
      'Артикул',
      'Оцінка',
      'Відгук',
      'Дата відгуку',
    ]);
    expect(uk.mapping.columns).toEqual({
      external_id: 'ID відгуку',
      sku: 'Артикул',
      rating: 'Оцінка',
      text: 'Відгук',
      created_at: 'Дата відгуку',
    });
    expect([fr, es, uk].map((s) => s.confident)).toEqual([true, true, true]);
  });

  it('reads transliterated Russian and Ukrainian headers', () => {
    const s = suggestMapping('sales', ['nomer_zakaza', 'Артикул', 'Кількість']);
    expect(s.mapping.columns).toMatchObject({
      order_id: 'nomer_zakaza',
      sku: 'Артикул',
      quantity: 'Кількість',
    });
  });

  it('refuses a product name whose values are numbers, and a status whose values are US states', () => {
    const products = suggestMapping('products', ['sku', 'product_name_length', 'name'], {
      rows: [
        { sku: 'A', product_name_length: '41', name: '55' },
        { sku: 'B', product_name_length: '38', name: '12' },
        { sku: 'C', product_name_length: '60', name: '9' },
      ],
    });
    // "name" is the field's own name: kept (the rows will say what is wrong); the lengths never.
    expect(products.mapping.columns).toEqual({ sku: 'sku', name: 'name' });
    const claims = suggestMapping('claims', ['id', 'State'], {
      rows: rows('State', ['CA', 'TX', 'NY', 'FL']).map((r, i) => ({ ...r, id: `C${i}` })),
    });
    expect(claims.matches.map((m) => m.field)).toEqual(['external_id']);
    const statuses = suggestMapping('claims', ['State'], {
      rows: rows('State', ['open', 'closed', 'pending', 'closed']),
    });
    expect(statuses.mapping.columns).toEqual({ status: 'State' });
  });

  it('takes short texts with a number in them for texts, not amounts', () => {
    const s = suggestMapping('claims', ['Ticket', 'Comment'], {
      rows: [1, 2, 3].map((i) => ({ Ticket: `S-${i}`, Comment: `row ${i} of S` })),
    });
    expect(s.mapping.columns).toEqual({ external_id: 'Ticket', reason_text: 'Comment' });
  });

  it('weighs values by how many there are: one fitting value barely raises a weak header', () => {
    const one = suggestMapping('claims', ['Kind of thing'], {
      rows: rows('Kind of thing', ['return']),
    });
    const many = suggestMapping('claims', ['Kind of thing'], {
      rows: rows('Kind of thing', Array(12).fill('return')),
    });
    expect(one.matches[0].confidence).toBeCloseTo(0.7, 2);
    expect(many.matches[0].confidence).toBeCloseTo(0.87, 2);
  });

  it('picks the order date by meaning among several date columns', () => {
    const headers = [
      'shipping_limit_date',
      'order_delivered_customer_date',
      'order_estimated_delivery_date',
      'order_purchase_timestamp',
      'order_id',
      'sku',
      'qty',
      'price',
      'currency',
    ];
    const s = suggestMapping('sales', headers);
    expect(s.mapping.columns).toMatchObject({
      ordered_at: 'order_purchase_timestamp',
      delivered_at: 'order_delivered_customer_date',
      promised_at: 'order_estimated_delivery_date',
    });
    expect(s.unusedColumns).toEqual(['shipping_limit_date']);
  });

  it('derives a claim id from order and SKU when the file has none', () => {
    const s = suggestMapping('claims', ['Order', 'SKU', 'Date received'], {
      defaults: { type: 'return', channel: 'email' },
    });
    expect(s.missingRequired).toEqual([]);
    expect(s.notes?.[0]).toContain('keyed by its order ("Order") and SKU');
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

describe('rating scales and own channels', () => {
  it('reads a rating column’s scale from its values', () => {
    expect(ratingScaleOf(['1', '5', '3'])).toBeNull();
    expect(ratingScaleOf(['0', '7', '10', '9'])).toEqual({ min: 0, max: 10 });
    expect(ratingScaleOf(['1', '7', '10'])).toEqual({ min: 1, max: 10 });
    expect(ratingScaleOf(['4.5', '3', '0.5'])).toEqual({ min: 0.5, max: 5 });
    expect(ratingScaleOf(['4,5', '3,5', '1'])).toEqual({ min: 1, max: 5 });
    // One stray value of a 1–5 column is no scale: it is rejected row by row.
    expect(ratingScaleOf(['1', '5', '7', '3', '4', '2', '5', '4', '3', '1'])).toBeNull();
    expect(ratingScaleOf(['4', '4.5', '7'])).toBeNull();
    expect(ratingScaleOf(['80', '100', '35'])).toEqual({ min: 0, max: 100 });
  });

  it('suggests an NPS column as a rating on 0–10, and says so', () => {
    const rows = ['0', '6', '7', '9', '10', '8'].map((score, i) => ({
      id: `N${i}`,
      'NPS score': score,
      order: `O${i}`,
      date: '2026-05-01',
    }));
    const s = suggestMapping('feedback', ['id', 'NPS score', 'order', 'date'], { rows });
    expect(s.mapping.columns['rating']).toBe('NPS score');
    expect(s.mapping.ratingScale).toEqual({ min: 0, max: 10 });
    expect(s.notes).toContainEqual(expect.stringContaining('on a 0–10 scale'));
  });

  it('places a shop’s own channel by its words, or nowhere', () => {
    expect(suggestChannelGroup('Fax')).toBe('phone');
    expect(suggestChannelGroup('Web portal')).toBe('web_form');
    expect(suggestChannelGroup('Postal mail')).toBeNull();
    expect(suggestChannelGroup('Referral')).toBeNull();
    expect(suggestChannelGroup('WhatsApp')).toBe('chat');
  });
});
