import {
  CHANNELS,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  FEEDBACK_SOURCES,
  INSPECTION_OUTCOMES,
  REASONS,
  RESOLUTIONS,
  type IngestKind,
} from '@returnlens/shared/contracts';

export type FieldType = 'text' | 'integer' | 'decimal' | 'timestamp' | 'enum' | 'currency' | 'country';

export interface FieldSpec {
  /** Field name in mappings and reports; also the database column. */
  readonly name: string;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly enumValues?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** Header names that mean this field, in several languages (matched after normalising). */
  readonly synonyms: readonly string[];
}

const ID_MAX = 200;
const TEXT_MAX = 20_000;

const SKU: FieldSpec = {
  name: 'sku',
  type: 'text',
  maxLength: ID_MAX,
  synonyms: ['sku', 'product', 'product id', 'product code', 'item', 'item id', 'article', 'article number', 'ean', 'artikel', 'artikelnummer', 'indeks', 'kod produktu', 'produkt', 'артикул', 'товар', 'код товара', 'produto', 'codigo do produto', 'מקט', 'מק ט'],
};
const ORDER_ID: FieldSpec = {
  name: 'order_id',
  type: 'text',
  maxLength: ID_MAX,
  synonyms: ['order', 'order id', 'order number', 'order no', 'order ref', 'nr zamowienia', 'numer zamowienia', 'zamowienie', 'bestellnummer', 'bestellung', 'auftragsnummer', 'номер заказа', 'заказ', 'pedido', 'numero do pedido', 'מספר הזמנה', 'הזמנה'],
};
const CUSTOMER_ID: FieldSpec = {
  name: 'customer_id',
  type: 'text',
  maxLength: ID_MAX,
  synonyms: ['customer', 'customer id', 'customer number', 'client', 'client id', 'buyer', 'klient', 'id klienta', 'kunde', 'kundennummer', 'клиент', 'id клиента', 'покупатель', 'cliente', 'id do cliente', 'לקוח', 'מספר לקוח'],
};
const CURRENCY: FieldSpec = {
  name: 'currency',
  type: 'currency',
  synonyms: ['currency', 'currency code', 'waluta', 'wahrung', 'валюта', 'moeda', 'מטבע'],
};
const QUANTITY: FieldSpec = {
  name: 'quantity',
  type: 'integer',
  min: 1,
  max: 1_000_000,
  synonyms: ['quantity', 'qty', 'units', 'pieces', 'ilosc', 'sztuk', 'menge', 'anzahl', 'stuck', 'количество', 'кол во', 'quantidade', 'qtd', 'כמות'],
};

/** Every field of every kind (DESIGN.md §2), with its type, limits and header synonyms. */
export const INGEST_FIELDS: Readonly<Record<IngestKind, readonly FieldSpec[]>> = {
  suppliers: [
    { name: 'external_id', type: 'text', required: true, maxLength: ID_MAX, synonyms: ['id', 'supplier id', 'supplier code', 'vendor id', 'vendor code', 'code', 'id dostawcy', 'kod dostawcy', 'lieferantennummer', 'lieferanten id', 'код поставщика', 'id поставщика', 'codigo do fornecedor', 'id fornecedor', 'מספר ספק'] },
    { name: 'name', type: 'text', required: true, maxLength: 500, synonyms: ['name', 'supplier', 'supplier name', 'vendor', 'vendor name', 'nazwa', 'dostawca', 'nazwa dostawcy', 'lieferant', 'lieferantenname', 'поставщик', 'название', 'наименование поставщика', 'fornecedor', 'nome', 'nome do fornecedor', 'ספק', 'שם ספק'] },
    { name: 'country', type: 'country', synonyms: ['country', 'country code', 'origin', 'kraj', 'land', 'herkunftsland', 'страна', 'pais', 'país', 'מדינה'] },
  ],
  products: [
    { ...SKU, required: true },
    { name: 'name', type: 'text', required: true, maxLength: 1000, synonyms: ['name', 'product name', 'title', 'product title', 'nazwa', 'nazwa produktu', 'bezeichnung', 'produktname', 'artikelname', 'название', 'наименование', 'nome', 'nome do produto', 'titulo', 'שם', 'שם מוצר'] },
    { name: 'category', type: 'text', required: true, maxLength: 500, synonyms: ['category', 'product category', 'kategoria', 'kategorie', 'warengruppe', 'категория', 'categoria', 'קטגוריה'] },
    { name: 'supplier_id', type: 'text', maxLength: ID_MAX, synonyms: ['supplier', 'supplier id', 'supplier code', 'vendor', 'vendor id', 'dostawca', 'id dostawcy', 'lieferant', 'lieferantennummer', 'поставщик', 'код поставщика', 'fornecedor', 'ספק'] },
    { name: 'listing_changed_at', type: 'timestamp', synonyms: ['listing changed', 'listing changed at', 'listing updated', 'last modified', 'updated at', 'zmiana oferty', 'geandert am', 'изменено', 'alterado em'] },
  ],
  sales: [
    { name: 'external_id', type: 'text', maxLength: ID_MAX, synonyms: ['line id', 'order line id', 'order line', 'line item id', 'position id', 'id pozycji', 'positions id', 'id строки', 'id do item'] },
    { ...ORDER_ID, required: true },
    { ...SKU, required: true },
    { ...QUANTITY, required: true },
    { name: 'unit_price', type: 'decimal', required: true, min: 0, max: 100_000_000, synonyms: ['unit price', 'price', 'item price', 'price per unit', 'cena', 'cena jednostkowa', 'preis', 'einzelpreis', 'stuckpreis', 'цена', 'цена за единицу', 'preco', 'preco unitario', 'valor unitario', 'מחיר', 'מחיר ליחידה'] },
    CURRENCY,
    { name: 'ordered_at', type: 'timestamp', required: true, synonyms: ['ordered at', 'order date', 'ordered', 'date', 'created at', 'purchase date', 'data zamowienia', 'data zakupu', 'bestelldatum', 'kaufdatum', 'дата заказа', 'дата покупки', 'data do pedido', 'data da compra', 'תאריך הזמנה'] },
    { name: 'promised_at', type: 'timestamp', synonyms: ['promised at', 'promised date', 'promised delivery', 'expected delivery', 'estimated delivery', 'eta', 'termin dostawy', 'liefertermin', 'ожидаемая дата доставки', 'срок доставки', 'previsao de entrega', 'prazo de entrega', 'מועד אספקה'] },
    { name: 'delivered_at', type: 'timestamp', synonyms: ['delivered at', 'delivered', 'delivery date', 'data dostawy', 'data doreczenia', 'lieferdatum', 'zugestellt am', 'дата доставки', 'доставлено', 'data de entrega', 'entregue em', 'תאריך מסירה'] },
    CUSTOMER_ID,
  ],
  claims: [
    { name: 'external_id', type: 'text', required: true, maxLength: ID_MAX, synonyms: ['id', 'claim id', 'claim number', 'case id', 'case number', 'ticket', 'ticket id', 'ticket number', 'rma', 'rma number', 'return id', 'return number', 'reference', 'numer reklamacji', 'numer zwrotu', 'id zgloszenia', 'numer zgloszenia', 'reklamationsnummer', 'fallnummer', 'vorgangsnummer', 'ticketnummer', 'номер обращения', 'номер заявки', 'id обращения', 'numero do chamado', 'protocolo', 'id da reclamacao', 'מספר פנייה', 'מזהה פנייה'] },
    { name: 'type', type: 'enum', required: true, enumValues: CLAIM_TYPES, synonyms: ['type', 'claim type', 'case type', 'kind', 'request type', 'rodzaj', 'typ', 'typ zgloszenia', 'art', 'vorgangsart', 'тип', 'тип обращения', 'вид обращения', 'tipo', 'tipo de solicitacao', 'סוג', 'סוג פנייה'] },
    { name: 'channel', type: 'enum', required: true, enumValues: CHANNELS, synonyms: ['channel', 'contact channel', 'source', 'kanal', 'kanał', 'kanal kontaktu', 'eingangskanal', 'канал', 'канал обращения', 'canal', 'ערוץ'] },
    ORDER_ID,
    SKU,
    { ...QUANTITY, synonyms: [...QUANTITY.synonyms, 'returned units', 'returned qty'] },
    { name: 'reason_code', type: 'enum', enumValues: REASONS.map((r) => r.code), synonyms: ['reason', 'reason code', 'return reason', 'claim reason', 'powod', 'powod zwrotu', 'przyczyna', 'grund', 'rucksendegrund', 'reklamationsgrund', 'причина', 'причина возврата', 'motivo', 'motivo da devolucao', 'סיבה', 'סיבת החזרה'] },
    { name: 'reason_text', type: 'text', maxLength: TEXT_MAX, synonyms: ['reason text', 'comment', 'comments', 'description', 'message', 'customer comment', 'customer message', 'notes', 'details', 'opis', 'komentarz', 'uwagi', 'beschreibung', 'kommentar', 'nachricht', 'комментарий', 'описание', 'сообщение', 'comentario', 'descricao', 'mensagem', 'תיאור', 'הערות'] },
    { name: 'opened_at', type: 'timestamp', required: true, synonyms: ['opened at', 'opened', 'created', 'created at', 'date', 'date received', 'received', 'received at', 'date opened', 'submitted', 'submitted at', 'data', 'data zgloszenia', 'data zwrotu', 'data reklamacji', 'datum', 'eingangsdatum', 'erstellt', 'erstellt am', 'дата', 'дата обращения', 'дата создания', 'дата возврата', 'data de abertura', 'data do chamado', 'aberto em', 'תאריך', 'תאריך פתיחה'] },
    { name: 'first_response_at', type: 'timestamp', synonyms: ['first response at', 'first response', 'first reply', 'first reply at', 'responded at', 'pierwsza odpowiedz', 'erste antwort', 'первый ответ', 'primeira resposta', 'תגובה ראשונה'] },
    { name: 'resolved_at', type: 'timestamp', synonyms: ['resolved at', 'resolved', 'closed', 'closed at', 'date closed', 'solved at', 'zamkniete', 'data zamkniecia', 'geschlossen', 'erledigt am', 'закрыто', 'дата закрытия', 'resolvido em', 'data de fechamento', 'נסגר', 'תאריך סגירה'] },
    { name: 'refunded_at', type: 'timestamp', synonyms: ['refunded at', 'refunded', 'refund date', 'data zwrotu pieniedzy', 'erstattet am', 'дата возврата средств', 'reembolsado em', 'data do reembolso', 'תאריך החזר'] },
    { name: 'status', type: 'enum', enumValues: CLAIM_STATUSES, synonyms: ['status', 'state', 'stan', 'zustand', 'статус', 'состояние', 'estado', 'situacao', 'סטטוס'] },
    { name: 'resolution', type: 'enum', enumValues: RESOLUTIONS, synonyms: ['resolution', 'outcome', 'decision', 'rozstrzygniecie', 'decyzja', 'losung', 'entscheidung', 'решение', 'resolucao', 'decisao', 'החלטה'] },
    { name: 'refund_amount', type: 'decimal', min: 0, max: 100_000_000, synonyms: ['refund amount', 'refund', 'amount refunded', 'refunded amount', 'kwota zwrotu', 'erstattungsbetrag', 'сумма возврата', 'valor reembolsado', 'valor do reembolso', 'סכום החזר'] },
    CURRENCY,
    { name: 'inspection_outcome', type: 'enum', enumValues: INSPECTION_OUTCOMES, synonyms: ['inspection outcome', 'inspection', 'inspection result', 'wynik ekspertyzy', 'prufergebnis', 'результат проверки', 'resultado da inspecao', 'תוצאת בדיקה'] },
    { name: 'contact_count', type: 'integer', min: 0, max: 10_000, synonyms: ['contact count', 'contacts', 'number of contacts', 'interactions', 'liczba kontaktow', 'anzahl kontakte', 'количество контактов', 'numero de contatos', 'מספר פניות'] },
    { name: 'assignee', type: 'text', maxLength: 500, synonyms: ['assignee', 'agent', 'handler', 'owner', 'assigned to', 'konsultant', 'opiekun', 'bearbeiter', 'zugewiesen', 'ответственный', 'исполнитель', 'responsavel', 'atendente', 'נציג'] },
    CUSTOMER_ID,
  ],
  feedback: [
    { name: 'external_id', type: 'text', required: true, maxLength: ID_MAX, synonyms: ['id', 'review id', 'feedback id', 'opinion id', 'response id', 'id opinii', 'bewertungs id', 'id отзыва', 'id da avaliacao', 'מזהה ביקורת'] },
    { name: 'source', type: 'enum', enumValues: FEEDBACK_SOURCES, synonyms: ['source', 'feedback source', 'zrodlo', 'quelle', 'источник', 'origem', 'מקור'] },
    SKU,
    ORDER_ID,
    { name: 'claim_id', type: 'text', maxLength: ID_MAX, synonyms: ['claim', 'claim id', 'ticket', 'ticket id', 'case id', 'numer reklamacji', 'номер обращения', 'chamado'] },
    { name: 'rating', type: 'integer', min: 1, max: 5, synonyms: ['rating', 'stars', 'score', 'star rating', 'ocena', 'gwiazdki', 'bewertung', 'sterne', 'оценка', 'рейтинг', 'звезды', 'nota', 'avaliacao', 'estrelas', 'דירוג', 'כוכבים'] },
    { name: 'text', type: 'text', maxLength: TEXT_MAX, synonyms: ['text', 'review', 'review text', 'comment', 'body', 'content', 'opinia', 'tresc', 'tresc opinii', 'rezension', 'kommentar', 'bewertungstext', 'отзыв', 'текст', 'комментарий', 'comentario', 'texto', 'ביקורת', 'תוכן'] },
    { name: 'created_at', type: 'timestamp', required: true, synonyms: ['created at', 'created', 'date', 'review date', 'posted', 'posted at', 'submitted at', 'data', 'data opinii', 'datum', 'дата', 'дата отзыва', 'data da avaliacao', 'תאריך'] },
    { name: 'language', type: 'text', maxLength: 35, synonyms: ['language', 'lang', 'locale', 'jezyk', 'sprache', 'язык', 'idioma', 'lingua', 'שפה'] },
  ],
};

export function fieldsOf(kind: IngestKind): readonly FieldSpec[] {
  return INGEST_FIELDS[kind];
}
