import type { ReasonCode } from '@returnlens/shared/contracts';

/** Languages of the demo shop's customers, with their share of customers. */
export const DEMO_LANGUAGES = [
  { code: 'en', share: 0.35 },
  { code: 'de', share: 0.2 },
  { code: 'pl', share: 0.15 },
  { code: 'ru', share: 0.12 },
  { code: 'pt', share: 0.1 },
  { code: 'he', share: 0.08 },
] as const;
export type DemoLanguage = (typeof DEMO_LANGUAGES)[number]['code'];

export type ReviewAspect =
  | 'delivery_late'
  | 'delivery_fast'
  | 'quality_bad'
  | 'quality_good'
  | 'size'
  | 'description'
  | 'packaging'
  | 'price_good'
  | 'service_bad'
  | 'service_good';

interface ReviewPhrases {
  readonly positive: readonly string[];
  readonly neutral: readonly string[];
  readonly negative: readonly string[];
  readonly aspects: Readonly<Record<ReviewAspect, readonly string[]>>;
}

/** Review building blocks: an opener matching the rating, then sentences about aspects. */
export const REVIEW_PHRASES: Readonly<Record<DemoLanguage, ReviewPhrases>> = {
  en: {
    positive: [
      'Very happy with it.',
      'Great product, exactly what I needed.',
      'Love it!',
      'Excellent value, would buy again.',
      'Works perfectly.',
    ],
    neutral: ["It's okay.", 'Does the job, nothing special.', 'Average product.'],
    negative: [
      'Really disappointed.',
      'Would not recommend.',
      'Waste of money.',
      'Not happy with this at all.',
    ],
    aspects: {
      delivery_late: [
        'Delivery took a week longer than promised.',
        'Arrived late, after the date they promised.',
        'Shipping was very slow.',
      ],
      delivery_fast: ['Arrived the next day.', 'Fast delivery.'],
      quality_bad: [
        'Stopped working after a few days.',
        'Broke on first use.',
        'Poor build quality.',
      ],
      quality_good: ['Solid build quality.', 'Feels well made.'],
      size: ['Runs small, had to return it for a bigger size.', 'The size chart is wrong.'],
      description: ['Colour is nothing like the photos.', 'Not what the description says.'],
      packaging: ['The box was crushed and the item scratched.', 'Poorly packed.'],
      price_good: ['Good price for what you get.'],
      service_bad: [
        'Customer service never answered my emails.',
        'Waited days for a reply from support.',
      ],
      service_good: ['Support sorted out my problem quickly.'],
    },
  },
  de: {
    positive: [
      'Sehr zufrieden.',
      'Tolles Produkt, genau das, was ich gesucht habe.',
      'Super, gerne wieder!',
      'Top Preis-Leistung.',
      'Funktioniert einwandfrei.',
    ],
    neutral: ['Ganz okay.', 'Erfüllt seinen Zweck, mehr nicht.', 'Durchschnittlich.'],
    negative: [
      'Leider sehr enttäuscht.',
      'Nicht zu empfehlen.',
      'Rausgeschmissenes Geld.',
      'Überhaupt nicht zufrieden.',
    ],
    aspects: {
      delivery_late: [
        'Die Lieferung kam über eine Woche zu spät.',
        'Die Lieferung hat viel länger gedauert als angegeben.',
        'Der Versand war extrem langsam.',
      ],
      delivery_fast: ['Schnelle Lieferung.', 'Am nächsten Tag geliefert.'],
      quality_bad: [
        'Nach ein paar Tagen kaputt.',
        'Schon beim ersten Benutzen defekt.',
        'Schlechte Verarbeitung.',
      ],
      quality_good: ['Sehr gute Verarbeitung.', 'Wirkt hochwertig.'],
      size: [
        'Fällt zu klein aus, musste eine Nummer größer bestellen.',
        'Die Größentabelle stimmt nicht.',
      ],
      description: [
        'Die Farbe sieht ganz anders aus als auf den Fotos.',
        'Entspricht nicht der Beschreibung.',
      ],
      packaging: ['Der Karton war eingedrückt und der Artikel zerkratzt.', 'Schlecht verpackt.'],
      price_good: ['Guter Preis.'],
      service_bad: [
        'Der Kundenservice hat nie auf meine E-Mails geantwortet.',
        'Tagelang auf eine Antwort gewartet.',
      ],
      service_good: ['Der Kundendienst hat schnell geholfen.'],
    },
  },
  pl: {
    positive: [
      'Jestem bardzo zadowolona.',
      'Świetny produkt, dokładnie taki, jakiego szukałem.',
      'Polecam!',
      'Super stosunek jakości do ceny.',
      'Działa bez zarzutu.',
    ],
    neutral: ['Może być.', 'Spełnia swoje zadanie, nic więcej.', 'Przeciętny produkt.'],
    negative: [
      'Bardzo się rozczarowałem.',
      'Nie polecam.',
      'Szkoda pieniędzy.',
      'Zupełnie niezadowolona z zakupu.',
    ],
    aspects: {
      delivery_late: [
        'Przesyłka przyszła tydzień po obiecanym terminie.',
        'Dostawa trwała dużo dłużej niż podano.',
        'Bardzo długi czas wysyłki.',
      ],
      delivery_fast: ['Szybka dostawa.', 'Przyszło następnego dnia.'],
      quality_bad: [
        'Po kilku dniach przestał działać.',
        'Zepsuł się przy pierwszym użyciu.',
        'Słaba jakość wykonania.',
      ],
      quality_good: ['Bardzo dobra jakość wykonania.', 'Solidnie wykonany.'],
      size: ['Rozmiar za mały, musiałam wymienić na większy.', 'Tabela rozmiarów się nie zgadza.'],
      description: ['Kolor zupełnie inny niż na zdjęciach.', 'Niezgodny z opisem.'],
      packaging: ['Karton był zgnieciony, a produkt porysowany.', 'Źle zapakowane.'],
      price_good: ['Dobra cena.'],
      service_bad: ['Obsługa klienta nie odpowiada na maile.', 'Czekałem kilka dni na odpowiedź.'],
      service_good: ['Obsługa szybko rozwiązała problem.'],
    },
  },
  ru: {
    positive: [
      'Очень доволен покупкой.',
      'Отличный товар, именно то, что искала.',
      'Рекомендую!',
      'Отличное соотношение цены и качества.',
      'Работает отлично.',
    ],
    neutral: ['Нормально.', 'Свою функцию выполняет, не более.', 'Средненько.'],
    negative: [
      'Очень разочарован.',
      'Не рекомендую.',
      'Деньги на ветер.',
      'Совсем не довольна покупкой.',
    ],
    aspects: {
      delivery_late: [
        'Доставка опоздала больше чем на неделю.',
        'Посылка шла намного дольше обещанного.',
        'Очень долгая доставка.',
      ],
      delivery_fast: ['Быстрая доставка.', 'Привезли на следующий день.'],
      quality_bad: [
        'Через несколько дней перестал работать.',
        'Сломался при первом же использовании.',
        'Качество сборки ужасное.',
      ],
      quality_good: ['Качество отличное.', 'Сделано добротно.'],
      size: ['Маломерит, пришлось менять на размер больше.', 'Размерная сетка не соответствует.'],
      description: ['Цвет совсем не такой, как на фото.', 'Не соответствует описанию.'],
      packaging: ['Коробка была помята, товар поцарапан.', 'Упаковано плохо.'],
      price_good: ['Хорошая цена.'],
      service_bad: [
        'Служба поддержки не отвечает на письма.',
        'Несколько дней ждал ответа от поддержки.',
      ],
      service_good: ['Поддержка быстро решила проблему.'],
    },
  },
  pt: {
    positive: [
      'Muito satisfeita com a compra.',
      'Ótimo produto, exatamente o que eu precisava.',
      'Recomendo!',
      'Excelente custo-benefício.',
      'Funciona perfeitamente.',
    ],
    neutral: ['É razoável.', 'Cumpre o que promete, nada mais.', 'Produto mediano.'],
    negative: [
      'Muito decepcionado.',
      'Não recomendo.',
      'Dinheiro jogado fora.',
      'Nada satisfeita com este produto.',
    ],
    aspects: {
      delivery_late: [
        'A entrega atrasou mais de uma semana.',
        'Demorou muito mais do que o prazo informado.',
        'Entrega muito lenta.',
      ],
      delivery_fast: ['Entrega rápida.', 'Chegou no dia seguinte.'],
      quality_bad: [
        'Parou de funcionar depois de poucos dias.',
        'Quebrou no primeiro uso.',
        'Acabamento ruim.',
      ],
      quality_good: ['Ótima qualidade.', 'Muito bem feito.'],
      size: [
        'Veio pequeno, tive que trocar por um tamanho maior.',
        'A tabela de tamanhos está errada.',
      ],
      description: ['A cor é completamente diferente das fotos.', 'Não corresponde à descrição.'],
      packaging: ['A caixa chegou amassada e o produto arranhado.', 'Mal embalado.'],
      price_good: ['Preço bom.'],
      service_bad: [
        'O atendimento nunca respondeu meus e-mails.',
        'Esperei dias por uma resposta do suporte.',
      ],
      service_good: ['O atendimento resolveu rápido.'],
    },
  },
  he: {
    positive: [
      'מרוצה מאוד מהקנייה.',
      'מוצר מעולה, בדיוק מה שחיפשתי.',
      'ממליצה בחום!',
      'תמורה מצוינת למחיר.',
      'עובד מצוין.',
    ],
    neutral: ['סביר.', 'עושה את העבודה, לא יותר.', 'מוצר ממוצע.'],
    negative: ['התאכזבתי מאוד.', 'לא ממליץ.', 'חבל על הכסף.', 'לא מרוצה בכלל מהמוצר.'],
    aspects: {
      delivery_late: [
        'המשלוח הגיע באיחור של יותר משבוע.',
        'המשלוח לקח הרבה יותר זמן ממה שהבטיחו.',
        'משלוח איטי מאוד.',
      ],
      delivery_fast: ['משלוח מהיר.', 'הגיע כבר למחרת.'],
      quality_bad: ['הפסיק לעבוד אחרי כמה ימים.', 'נשבר בשימוש הראשון.', 'איכות ירודה.'],
      quality_good: ['איכות מעולה.', 'עשוי היטב.'],
      size: ['המידה קטנה, נאלצתי להחליף למידה גדולה יותר.', 'טבלת המידות לא נכונה.'],
      description: ['הצבע שונה לגמרי מהתמונות.', 'לא תואם את התיאור.'],
      packaging: ['הקופסה הגיעה מעוכה והמוצר שרוט.', 'ארוז גרוע.'],
      price_good: ['מחיר טוב.'],
      service_bad: ['שירות הלקוחות לא עונה למיילים.', 'חיכיתי ימים לתשובה מהתמיכה.'],
      service_good: ['שירות הלקוחות פתר את הבעיה מהר.'],
    },
  },
};

/** What a customer writes when opening a claim for each reason, in their own language. */
export const CLAIM_TEXTS: Readonly<Record<DemoLanguage, Readonly<Record<ReasonCode, string>>>> = {
  en: {
    product_defect: 'It stopped working after three days.',
    missing_parts: 'The charger and the screws were missing from the box.',
    not_as_described: 'The colour is different from the photos on your site.',
    wrong_size: 'Too small, I need a bigger size.',
    wrong_item: 'I received a different model than I ordered.',
    damaged_in_transit: 'Arrived with a cracked housing, the parcel was crushed.',
    late_delivery: "My order still hasn't arrived, it's a week past the delivery date.",
    changed_mind: "I changed my mind, I don't need it anymore.",
    found_cheaper: 'I found it cheaper elsewhere.',
    price_error: 'I was charged more than the price shown at checkout.',
    shown_in_stock_but_not: "The site said in stock, but now you tell me it's unavailable.",
    promo_terms_unclear: 'The discount code was not applied to my order.',
    delivery_terms_unclear: 'Nobody told me delivery would cost extra.',
    intrusive_contact: 'Stop calling me at 10 pm about a survey.',
    slow_response: 'I have been waiting five days for an answer.',
    usage_question: 'How do I turn it on? Nothing happens.',
    installation_help: 'I need help mounting it on the wall.',
    other: 'Please call me back.',
  },
  de: {
    product_defect: 'Das Gerät funktioniert nach drei Tagen nicht mehr.',
    missing_parts: 'Im Karton fehlten das Ladegerät und die Schrauben.',
    not_as_described: 'Die Farbe weicht stark von den Fotos ab.',
    wrong_size: 'Zu klein, ich brauche eine Nummer größer.',
    wrong_item: 'Ich habe ein anderes Modell bekommen als bestellt.',
    damaged_in_transit: 'Das Paket war zerdrückt, das Gehäuse ist gesprungen.',
    late_delivery: 'Meine Bestellung ist immer noch nicht da, eine Woche nach dem Liefertermin.',
    changed_mind: 'Ich habe es mir anders überlegt.',
    found_cheaper: 'Woanders ist es günstiger.',
    price_error: 'Mir wurde mehr berechnet als im Warenkorb angezeigt.',
    shown_in_stock_but_not: 'Laut Website auf Lager, jetzt heißt es nicht lieferbar.',
    promo_terms_unclear: 'Der Rabattcode wurde nicht abgezogen.',
    delivery_terms_unclear: 'Niemand hat gesagt, dass der Versand extra kostet.',
    intrusive_contact: 'Bitte hören Sie auf, mich abends um 22 Uhr anzurufen.',
    slow_response: 'Ich warte seit fünf Tagen auf eine Antwort.',
    usage_question: 'Wie schalte ich das Gerät ein? Es passiert nichts.',
    installation_help: 'Ich brauche Hilfe bei der Wandmontage.',
    other: 'Bitte rufen Sie mich zurück.',
  },
  pl: {
    product_defect: 'Przestał działać po trzech dniach.',
    missing_parts: 'W pudełku brakowało ładowarki i śrubek.',
    not_as_described: 'Kolor jest inny niż na zdjęciach.',
    wrong_size: 'Za mały rozmiar, potrzebuję większego.',
    wrong_item: 'Dostałem inny model niż zamówiłem.',
    damaged_in_transit: 'Paczka była zgnieciona, obudowa pęknięta.',
    late_delivery: 'Zamówienie wciąż nie dotarło, tydzień po terminie.',
    changed_mind: 'Rozmyśliłam się, nie potrzebuję już tego.',
    found_cheaper: 'Znalazłem taniej w innym sklepie.',
    price_error: 'Pobrano ode mnie więcej niż cena w koszyku.',
    shown_in_stock_but_not: 'Na stronie było dostępne, a teraz brak towaru.',
    promo_terms_unclear: 'Kod rabatowy nie został uwzględniony.',
    delivery_terms_unclear: 'Nikt nie poinformował, że dostawa jest płatna.',
    intrusive_contact: 'Proszę nie dzwonić do mnie o 22.',
    slow_response: 'Czekam już pięć dni na odpowiedź.',
    usage_question: 'Jak to włączyć? Nic się nie dzieje.',
    installation_help: 'Potrzebuję pomocy przy montażu na ścianie.',
    other: 'Proszę o kontakt.',
  },
  ru: {
    product_defect: 'Перестал работать через три дня.',
    missing_parts: 'В коробке не было зарядки и винтов.',
    not_as_described: 'Цвет не такой, как на фотографиях.',
    wrong_size: 'Маленький размер, нужен побольше.',
    wrong_item: 'Пришла другая модель, не та, что я заказывал.',
    damaged_in_transit: 'Посылка была смята, корпус треснул.',
    late_delivery: 'Заказ до сих пор не доставлен, прошла неделя после срока.',
    changed_mind: 'Передумала, товар больше не нужен.',
    found_cheaper: 'Нашёл дешевле в другом магазине.',
    price_error: 'Списали больше, чем было указано в корзине.',
    shown_in_stock_but_not: 'На сайте было в наличии, а теперь говорят, что нет.',
    promo_terms_unclear: 'Промокод не применился к заказу.',
    delivery_terms_unclear: 'Никто не предупредил, что доставка платная.',
    intrusive_contact: 'Перестаньте звонить мне в десять вечера.',
    slow_response: 'Жду ответа уже пять дней.',
    usage_question: 'Как его включить? Ничего не происходит.',
    installation_help: 'Нужна помощь с установкой на стену.',
    other: 'Перезвоните мне, пожалуйста.',
  },
  pt: {
    product_defect: 'Parou de funcionar depois de três dias.',
    missing_parts: 'Faltavam o carregador e os parafusos na caixa.',
    not_as_described: 'A cor é diferente das fotos do site.',
    wrong_size: 'Ficou pequeno, preciso de um tamanho maior.',
    wrong_item: 'Recebi um modelo diferente do que pedi.',
    damaged_in_transit: 'A caixa chegou amassada e a carcaça rachada.',
    late_delivery: 'Meu pedido ainda não chegou, já passou uma semana do prazo.',
    changed_mind: 'Desisti da compra, não preciso mais.',
    found_cheaper: 'Encontrei mais barato em outra loja.',
    price_error: 'Fui cobrado mais do que o preço mostrado no carrinho.',
    shown_in_stock_but_not: 'O site dizia em estoque, agora dizem que não tem.',
    promo_terms_unclear: 'O cupom de desconto não foi aplicado.',
    delivery_terms_unclear: 'Ninguém avisou que o frete seria cobrado.',
    intrusive_contact: 'Parem de me ligar às dez da noite.',
    slow_response: 'Estou esperando resposta há cinco dias.',
    usage_question: 'Como eu ligo? Não acontece nada.',
    installation_help: 'Preciso de ajuda para instalar na parede.',
    other: 'Por favor, me liguem.',
  },
  he: {
    product_defect: 'המכשיר הפסיק לעבוד אחרי שלושה ימים.',
    missing_parts: 'בקופסה חסרו המטען והברגים.',
    not_as_described: 'הצבע שונה מהתמונות באתר.',
    wrong_size: 'המידה קטנה, אני צריכה מידה גדולה יותר.',
    wrong_item: 'קיבלתי דגם אחר ממה שהזמנתי.',
    damaged_in_transit: 'החבילה הגיעה מעוכה והגוף סדוק.',
    late_delivery: 'ההזמנה עדיין לא הגיעה, שבוע אחרי המועד.',
    changed_mind: 'התחרטתי, אני כבר לא צריך את זה.',
    found_cheaper: 'מצאתי יותר זול בחנות אחרת.',
    price_error: 'חייבו אותי יותר מהמחיר שהופיע בעגלה.',
    shown_in_stock_but_not: 'באתר היה כתוב שיש במלאי ועכשיו אין.',
    promo_terms_unclear: 'קוד ההנחה לא נקלט בהזמנה.',
    delivery_terms_unclear: 'אף אחד לא אמר שהמשלוח בתשלום.',
    intrusive_contact: 'תפסיקו להתקשר אליי בעשר בלילה.',
    slow_response: 'אני מחכה לתשובה כבר חמישה ימים.',
    usage_question: 'איך מדליקים את זה? שום דבר לא קורה.',
    installation_help: 'אני צריך עזרה בהתקנה על הקיר.',
    other: 'אנא חזרו אליי.',
  },
};
