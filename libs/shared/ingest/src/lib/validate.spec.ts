import { createRowValidator, cutText, ratingStars, UNCATEGORISED } from './validate';

const NOW = new Date('2026-11-23T12:00:00Z');
const claims = createRowValidator(
  'claims',
  {
    columns: {
      external_id: 'id',
      type: 'kind',
      channel: 'via',
      opened_at: 'opened',
      reason_code: 'reason',
      refund_amount: 'refund',
      currency: 'cur',
      first_response_at: 'answered',
      resolved_at: 'closed',
      quantity: 'qty',
    },
    values: { type: { Rücksendung: 'return' } },
  },
  { shopTimeZone: 'UTC', now: NOW },
);

describe('createRowValidator (claims)', () => {
  it('cleans a good row and derives the status and defaults', () => {
    const result = claims({
      id: 'C-1',
      kind: 'Rücksendung',
      via: 'E-Mail',
      opened: '14.03.2026 10:00',
      reason: 'Wrong size',
      refund: '49,90',
      cur: 'eur',
      answered: '2026-03-14T12:00:00Z',
    });
    expect(result).toEqual({
      ok: true,
      record: expect.objectContaining({
        external_id: 'C-1',
        type: 'return',
        channel: 'email',
        reason_code: 'wrong_size',
        refund_amount: '49.90',
        currency: 'EUR',
        opened_at: new Date('2026-03-14T10:00:00Z'),
        status: 'in_progress',
        quantity: 1,
        contact_count: 1,
      }),
    });
  });

  it('lists every error of a row, naming field, value and problem', () => {
    const result = claims({
      id: '',
      kind: 'swap meet',
      via: 'pigeon',
      opened: '2027-05-01',
      refund: '-5',
      qty: '0',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        field: 'external_id',
        value: null,
        message: 'is required but empty (column "id")',
        code: 'row.requiredEmpty',
        params: { column: 'id' },
      },
      {
        field: 'type',
        value: 'swap meet',
        message: expect.stringContaining(
          '"swap meet" is not a known type; expected one of return, return_defective',
        ),
        code: 'row.notKnown',
        params: expect.objectContaining({ value: 'swap meet', field: 'type' }),
      },
      // "pigeon" is no error: a channel that is none of ours is the shop's own.
      {
        field: 'quantity',
        value: '0',
        message: 'must be at least 1',
        code: 'row.atLeast',
        params: { min: 1 },
      },
      {
        field: 'opened_at',
        value: '2027-05-01',
        message: '"2027-05-01" is in the future',
        code: 'row.future',
        params: { value: '2027-05-01' },
      },
      {
        field: 'refund_amount',
        value: '-5',
        message: 'must not be negative',
        code: 'row.negative',
        params: {},
      },
    ]);
  });

  it('checks the order of lifecycle timestamps and the currency of a refund', () => {
    const result = claims({
      id: 'C-2',
      kind: 'return',
      via: 'chat',
      opened: '2026-03-14 10:00',
      closed: '2026-03-13 09:00',
      refund: '10',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.message])).toEqual([
      [
        'currency',
        'is required when refund_amount is given: map a currency column or set defaults.currency',
      ],
      ['resolved_at', 'is before opened_at (2026-03-14T10:00:00.000Z)'],
    ]);
  });

  it('asks for the currency of a handling cost, and refuses a negative one', () => {
    const costs = createRowValidator(
      'claims',
      {
        columns: {
          external_id: 'id',
          type: 'kind',
          channel: 'via',
          opened_at: 'opened',
          cost_amount: 'cost',
          currency: 'cur',
        },
      },
      { shopTimeZone: 'UTC', now: NOW },
    );
    const base = { id: 'C-9', kind: 'exchange', via: 'chat', opened: '2026-03-14 10:00' };
    const noCurrency = costs({ ...base, cost: '12.40' });
    expect(noCurrency.ok).toBe(false);
    if (!noCurrency.ok)
      expect(noCurrency.errors.map((e) => [e.field, e.message])).toEqual([
        [
          'currency',
          'is required when cost_amount is given: map a currency column or set defaults.currency',
        ],
      ]);
    const negative = costs({ ...base, cost: '-1', cur: 'EUR' });
    expect(negative.ok).toBe(false);
    if (!negative.ok) expect(negative.errors.map((e) => e.field)).toEqual(['cost_amount']);
    const good = costs({ ...base, cost: '12.40', cur: 'EUR' });
    expect(good.ok).toBe(true);
    if (good.ok) expect(good.record['cost_amount']).toBe('12.40');
  });

  it('rejects a timestamp whose time-zone offset no place uses, naming the field', () => {
    const result = claims({
      id: 'C-3',
      kind: 'return',
      via: 'chat',
      opened: '2026-03-14T10:00:00+25:00',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'opened_at',
          value: '2026-03-14T10:00:00+25:00',
          message: expect.stringContaining(
            'has the time-zone offset +25:00, which no place uses: an offset lies between -12:00 and +14:00',
          ),
          code: 'row.offsetUnused',
          params: { value: '2026-03-14T10:00:00+25:00', offset: '+25:00' },
        },
      ],
    });
  });

  it('keeps hostile text as text', () => {
    const validate = createRowValidator(
      'claims',
      { columns: { external_id: 'id', type: 't', channel: 'c', opened_at: 'o', reason_text: 'x' } },
      { shopTimeZone: 'UTC', now: NOW },
    );
    const payload = `<script>alert(1)</script>'; DROP TABLE claims; --`;
    const result = validate({ id: '=1+2', t: 'complaint', c: 'web', o: '2026-01-01', x: payload });
    expect(result).toMatchObject({
      ok: true,
      record: { external_id: '=1+2', reason_text: payload },
    });
  });

  it('refuses nested objects and lists where one value is expected', () => {
    const validate = createRowValidator(
      'claims',
      { columns: { external_id: 'id', type: 't', channel: 'c', opened_at: 'o', reason_text: 'x' } },
      { shopTimeZone: 'UTC', now: NOW },
    );
    const result = validate({
      id: { id: 'C-1' },
      t: 'return',
      c: 'email',
      o: '2026-01-01',
      x: ['too', 'small'],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'external_id',
          value: '{"id":"C-1"}',
          message: 'is an object; a single value is expected',
          code: 'row.notSingleValue',
          params: { shape: 'object' },
        },
        {
          field: 'reason_text',
          value: '["too","small"]',
          message: 'is a list; a single value is expected',
          code: 'row.notSingleValue',
          params: { shape: 'list' },
        },
      ],
    });
  });

  it('refuses text with bytes the decoder could not read, naming the field', () => {
    const validate = createRowValidator(
      'claims',
      { columns: { external_id: 'id', type: 't', channel: 'c', opened_at: 'o', reason_text: 'x' } },
      { shopTimeZone: 'UTC', now: NOW },
    );
    const result = validate({
      id: 'C-1',
      t: 'return',
      c: 'email',
      o: '2026-01-01',
      x: 'Zepsu\uFFFD si\uFFFD',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'reason_text',
          value: 'Zepsu\uFFFD si\uFFFD',
          message: expect.stringContaining('contains bytes that are not valid UTF-8'),
          code: 'row.notUtf8',
          params: {},
        },
      ],
    });
  });
});

describe('createRowValidator (sales and feedback)', () => {
  it('builds a line id from order and SKU when the export has none, and needs a currency', () => {
    const sales = createRowValidator(
      'sales',
      {
        columns: { order_id: 'o', sku: 's', quantity: 'q', unit_price: 'p', ordered_at: 'd' },
        defaults: { currency: 'PLN' },
      },
      { shopTimeZone: 'UTC', now: NOW },
    );
    expect(sales({ o: 'SO-1', s: 'A', q: 2, p: 19.99, d: '2026-01-05' })).toMatchObject({
      ok: true,
      record: { external_id: 'SO-1:A', quantity: 2, unit_price: '19.99', currency: 'PLN' },
    });
  });

  it('needs a subject and a rating or text for feedback', () => {
    const feedback = createRowValidator(
      'feedback',
      { columns: { external_id: 'id', created_at: 'd', rating: 'r', sku: 's' } },
      { shopTimeZone: 'UTC', now: NOW },
    );
    expect(feedback({ id: 'R1', d: '2026-01-05', r: '6', s: 'A' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'rating',
          value: '6',
          message: expect.stringContaining(
            "must be at most 5 stars; a rating on another scale needs the mapping's ratingScale",
          ),
          code: 'row.ratingAtMost',
          params: { max: 5 },
        },
      ],
    });
    expect(feedback({ id: 'R2', d: '2026-01-05' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'sku',
          value: null,
          message: 'one of sku, order_id or claim_id is needed to know what the feedback is about',
          code: 'row.feedbackSubject',
          params: {},
        },
        {
          field: 'rating',
          value: null,
          message: 'a feedback item needs a rating or a text',
          code: 'row.feedbackEmpty',
          params: {},
        },
      ],
    });
    expect(feedback({ id: 'R3', d: '2026-01-05', r: 5, s: 'A' })).toMatchObject({
      ok: true,
      record: { source: 'review', rating: 5 },
    });
  });
});

describe('what is kept rather than rejected', () => {
  const opts = { shopTimeZone: 'UTC', now: NOW };

  it('keeps a text over 20,000 characters cut at a word boundary, noting its length', () => {
    const validate = createRowValidator(
      'claims',
      {
        columns: { external_id: 'id', opened_at: 'at', reason_text: 'text' },
        defaults: { type: 'complaint', channel: 'web_form' },
      },
      opts,
    );
    const text = 'word '.repeat(4385) + 'end'; // 21,928 characters
    expect(text.length).toBe(21_928);
    const result = validate({ id: 'L-1', at: '2026-02-06', text });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const kept = result.record['reason_text'] as string;
    expect(kept.length).toBe(19_999); // 'word ' × 4000, its last space dropped
    expect(kept.endsWith('word')).toBe(true);
    expect(result.notes).toEqual([{ kind: 'cut', field: 'reason_text', length: 21_928 }]);
  });

  it('never cuts inside a surrogate pair', () => {
    expect(cutText('a'.repeat(9) + '😀', 10)).toBe('a'.repeat(9));
    expect(cutText('short', 10)).toBe('short');
  });

  it('reads a negative quantity of a claim as returned units, and still refuses one in sales', () => {
    const claims = createRowValidator(
      'claims',
      {
        columns: { order_id: 'inv', sku: 'code', quantity: 'qty', opened_at: 'at' },
        defaults: { type: 'return', channel: 'email' },
      },
      opts,
    );
    const result = claims({ inv: 'C536601', code: '22633', qty: '-2', at: '3/9/2026 10:24' });
    expect(result).toEqual({
      ok: true,
      record: expect.objectContaining({ external_id: 'C536601:22633', quantity: 2 }),
      notes: [{ kind: 'negative_quantity' }, { kind: 'derived_key', by: 'sku' }],
    });
    const zero = claims({ inv: 'C1', code: 'X', qty: '0', at: '2026-03-09' });
    expect(zero.ok).toBe(false);
    const sales = createRowValidator(
      'sales',
      {
        columns: { order_id: 'o', sku: 's', quantity: 'q', unit_price: 'p', ordered_at: 'at' },
        defaults: { currency: 'EUR' },
      },
      opts,
    );
    expect(sales({ o: 'O1', s: 'P1', q: '-3', p: '1', at: '2026-03-01' }).ok).toBe(false);
  });

  it('keys a sales line by order and line number when the file numbers its lines', () => {
    const sales = createRowValidator(
      'sales',
      {
        columns: { order_id: 'o', line_number: 'n', sku: 's', unit_price: 'p', ordered_at: 'at' },
        defaults: { currency: 'BRL', quantity: '1' },
      },
      opts,
    );
    const result = sales({ o: 'O7', n: '2', s: 'P1', p: '19.90', at: '2026-03-15 10:11:12' });
    expect(result).toEqual({
      ok: true,
      record: expect.objectContaining({ external_id: 'O7:2', quantity: 1 }),
      notes: [{ kind: 'derived_key', by: 'line' }],
    });
  });

  it('asks for a claim id it cannot derive', () => {
    const claims = createRowValidator(
      'claims',
      { columns: { opened_at: 'at' }, defaults: { type: 'return', channel: 'email' } },
      opts,
    );
    const result = claims({ at: '2026-03-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['external_id']);
  });

  it('names a product by its SKU when the file has no name', () => {
    const products = createRowValidator(
      'products',
      { columns: { sku: 'id', category: 'cat' } },
      opts,
    );
    expect(products({ id: 'P9', cat: 'perfumaria' })).toEqual({
      ok: true,
      record: expect.objectContaining({ sku: 'P9', name: 'P9' }),
      notes: [{ kind: 'derived_name' }],
    });
  });

  it('puts a review title before its message, or uses the title alone', () => {
    const feedback = createRowValidator(
      'feedback',
      { columns: { external_id: 'id', order_id: 'o', title: 't', text: 'm', created_at: 'at' } },
      opts,
    );
    const both = feedback({
      id: 'R1',
      o: 'O1',
      t: 'Atrasou',
      m: 'Chegou tarde.',
      at: '2026-03-25',
    });
    const title = feedback({ id: 'R2', o: 'O2', t: 'Recomendo', m: '', at: '2026-03-25' });
    expect(both.ok && both.record['text']).toBe('Atrasou\nChegou tarde.');
    expect(title.ok && title.record['text']).toBe('Recomendo');
  });
});

describe('the shop’s own values and other rating scales', () => {
  it('keeps a reason or channel that is none of ours as the shop writes it (spaces collapsed, commas as semicolons)', () => {
    const claims = createRowValidator(
      'claims',
      { columns: { external_id: 'id', type: 't', channel: 'c', reason_code: 'r', opened_at: 'd' } },
      { shopTimeZone: 'UTC', now: NOW },
    );
    const result = claims({
      id: 'A1',
      t: 'complaint',
      c: ' Postal   mail ',
      r: 'Loan, lease or credit',
      d: '2026-05-01',
    });
    expect(result).toMatchObject({
      ok: true,
      record: { channel: 'Postal mail', reason_code: 'Loan; lease or credit' },
      notes: [
        { kind: 'own_value', field: 'channel' },
        { kind: 'own_value', field: 'reason_code' },
      ],
    });
    // A built-in value (or a synonym) is still ours.
    expect(
      claims({ id: 'A2', t: 'complaint', c: 'E-mail', r: 'wrong size', d: '2026-05-01' }),
    ).toMatchObject({
      ok: true,
      record: { channel: 'email', reason_code: 'wrong_size' },
    });
  });

  it('files a product without a category under "Uncategorised"', () => {
    const products = createRowValidator(
      'products',
      { columns: { sku: 'sku', name: 'n' } },
      { shopTimeZone: 'UTC', now: NOW },
    );
    expect(products({ sku: 'A', n: 'Lamp' })).toEqual({
      ok: true,
      record: expect.objectContaining({ sku: 'A', category: UNCATEGORISED }),
      notes: [{ kind: 'uncategorised' }],
    });
  });

  it('converts ratings on the stated scale to stars and keeps the original', () => {
    const feedback = createRowValidator(
      'feedback',
      {
        columns: { external_id: 'id', created_at: 'd', rating: 'r', sku: 's' },
        ratingScale: { min: 0, max: 10 },
      },
      { shopTimeZone: 'UTC', now: NOW },
    );
    const stars = (r: string) => {
      const result = feedback({ id: 'F', d: '2026-05-01', r, s: 'A' });
      return result.ok
        ? [result.record['rating'], result.record['rating_original'], result.record['rating_scale']]
        : result.errors;
    };
    expect(stars('0')).toEqual([1, 0, '0-10']);
    expect(stars('5')).toEqual([3, 5, '0-10']);
    expect(stars('6')).toEqual([3, 6, '0-10']);
    expect(stars('7')).toEqual([4, 7, '0-10']);
    expect(stars('9')).toEqual([5, 9, '0-10']);
    expect(stars('10')).toEqual([5, 10, '0-10']);
    expect(stars('11')).toEqual([
      {
        field: 'rating',
        value: '11',
        message: 'is outside the rating scale 0–10 the mapping states',
        code: 'row.outsideRatingScale',
        params: { min: 0, max: 10 },
      },
    ]);
    expect(ratingStars(4.5, { min: 0.5, max: 5 })).toBe(5);
    expect(ratingStars(2.5, { min: 1, max: 5 })).toBe(3);
    expect(ratingStars(1, { min: 1, max: 10 })).toBe(1);
    expect(ratingStars(50, { min: 0, max: 100 })).toBe(3);
  });
});
