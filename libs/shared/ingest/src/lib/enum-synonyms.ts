/**
 * What shops call our enum values, normalised (lower case, no accents, `_` between words).
 * A mapping's own `values` take precedence over these.
 */
export const ENUM_SYNONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  type: {
    refund: 'return', returned: 'return', ruckgabe: 'return', rucksendung: 'return', retoure: 'return', zwrot: 'return', возврат: 'return', devolucao: 'return', החזרה: 'return',
    defective: 'return_defective', defective_return: 'return_defective', return_faulty: 'return_defective', faulty: 'return_defective',
    swap: 'exchange', replace: 'exchange', replacement: 'exchange', umtausch: 'exchange', wymiana: 'exchange', обмен: 'exchange', troca: 'exchange', החלפה: 'exchange',
    warranty: 'warranty_repair', repair: 'warranty_repair', garantie: 'warranty_repair', gewahrleistung: 'warranty_repair', gwarancja: 'warranty_repair', reklamacja: 'warranty_repair', гарантия: 'warranty_repair', ремонт: 'warranty_repair', garantia: 'warranty_repair', אחריות: 'warranty_repair',
    complaints: 'complaint', beschwerde: 'complaint', skarga: 'complaint', жалоба: 'complaint', претензия: 'complaint', reclamacao: 'complaint', תלונה: 'complaint',
  },
  channel: {
    e_mail: 'email', mail: 'email', telephone: 'phone', call: 'phone', hotline: 'phone', telefon: 'phone', телефон: 'phone', telefone: 'phone',
    web: 'web_form', webform: 'web_form', form: 'web_form', online_form: 'web_form', website: 'web_form', contact_form: 'web_form', formularz: 'web_form', formular: 'web_form',
    live_chat: 'chat', messenger: 'chat', whatsapp: 'chat', czat: 'chat', чат: 'chat',
    amazon: 'marketplace', ebay: 'marketplace', allegro: 'marketplace', etsy: 'marketplace', ozon: 'marketplace', wildberries: 'marketplace', mercado_livre: 'marketplace', marktplatz: 'marketplace',
    shop: 'store', in_store: 'store', retail: 'store', sklep: 'store', filiale: 'store', магазин: 'store', loja: 'store',
  },
  status: {
    new: 'open', opened: 'open', pending: 'in_progress', in_progress: 'in_progress', processing: 'in_progress', waiting: 'in_progress', on_hold: 'in_progress',
    closed: 'resolved', done: 'resolved', solved: 'resolved', completed: 'resolved', finished: 'resolved', zamkniete: 'resolved', erledigt: 'resolved', закрыто: 'resolved', resolvido: 'resolved',
    canceled: 'cancelled', withdrawn: 'cancelled', anulowane: 'cancelled', storniert: 'cancelled', отменено: 'cancelled', cancelado: 'cancelled',
  },
  resolution: {
    refunded: 'refund', full_refund: 'refund', partial: 'partial_refund', replaced: 'replacement', repaired: 'repair',
    voucher: 'store_credit', coupon: 'store_credit', credit: 'store_credit', gift_card: 'store_credit', free_shipping: 'store_credit',
    declined: 'rejected', denied: 'rejected', refused: 'rejected',
  },
  inspection_outcome: {
    defect_confirmed: 'confirmed_defect', confirmed: 'confirmed_defect', defective: 'confirmed_defect',
    misuse: 'customer_fault', user_damage: 'customer_fault', nff: 'no_fault_found', no_fault: 'no_fault_found',
    shipping_damage: 'transit_damage', transport_damage: 'transit_damage', none: 'not_inspected', not_checked: 'not_inspected',
  },
  source: {
    product_review: 'review', marketplace: 'marketplace_review', amazon: 'marketplace_review', allegro: 'marketplace_review', nps: 'survey', questionnaire: 'survey',
  },
};

export function normaliseEnumValue(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '');
}
