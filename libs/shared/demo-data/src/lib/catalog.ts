import type { ReasonCode } from '@returnlens/shared/contracts';
import { Random } from './random';

export const DEMO_CATEGORIES = [
  'Electronics',
  'Home & kitchen',
  'Apparel',
  'Footwear',
  'Toys',
  'Sports & outdoor',
  'Beauty',
  'Garden',
] as const;
export type DemoCategory = (typeof DEMO_CATEGORIES)[number];

interface CategoryProfile {
  /** Share of order lines in an ordinary week. */
  readonly share: number;
  readonly medianPrice: number;
  readonly nouns: readonly string[];
  /** Probability per order line that a claim with this reason follows. */
  readonly reasonRates: Partial<Record<ReasonCode, number>>;
}

export const CATEGORY_PROFILES: Readonly<Record<DemoCategory, CategoryProfile>> = {
  Electronics: {
    share: 0.2,
    medianPrice: 59,
    nouns: [
      'Wireless earbuds',
      'Bluetooth speaker',
      'Smartwatch',
      'Power bank',
      'USB-C charger',
      'Action camera',
      'Robot vacuum',
      'Desk lamp',
      'Headphones',
      'Webcam',
      'Keyboard',
      'Router',
    ],
    reasonRates: {
      product_defect: 0.017,
      missing_parts: 0.003,
      not_as_described: 0.004,
      wrong_item: 0.002,
      damaged_in_transit: 0.005,
      changed_mind: 0.015,
      found_cheaper: 0.005,
      usage_question: 0.005,
      installation_help: 0.002,
    },
  },
  'Home & kitchen': {
    share: 0.17,
    medianPrice: 34,
    nouns: [
      'Chef knife',
      'Frying pan',
      'Coffee grinder',
      'Glass set',
      'Bed linen',
      'Towel set',
      'Storage box',
      'Kettle',
      'Blender',
      'Dinner plates',
      'Table lamp',
      'Shelf',
    ],
    reasonRates: {
      product_defect: 0.008,
      missing_parts: 0.004,
      not_as_described: 0.005,
      wrong_item: 0.002,
      damaged_in_transit: 0.009,
      changed_mind: 0.012,
      found_cheaper: 0.003,
      usage_question: 0.001,
      installation_help: 0.004,
    },
  },
  Apparel: {
    share: 0.2,
    medianPrice: 39,
    nouns: [
      'Linen dress',
      'Denim jacket',
      'T-shirt',
      'Hoodie',
      'Chinos',
      'Rain coat',
      'Wool sweater',
      'Summer skirt',
      'Shirt',
      'Leggings',
      'Parka',
      'Blouse',
    ],
    reasonRates: {
      product_defect: 0.003,
      missing_parts: 0.001,
      not_as_described: 0.009,
      wrong_size: 0.024,
      wrong_item: 0.003,
      damaged_in_transit: 0.001,
      changed_mind: 0.022,
      found_cheaper: 0.002,
    },
  },
  Footwear: {
    share: 0.1,
    medianPrice: 69,
    nouns: [
      'Running shoes',
      'Sneakers',
      'Hiking boots',
      'Sandals',
      'Loafers',
      'Winter boots',
      'Slippers',
      'Trail shoes',
    ],
    reasonRates: {
      product_defect: 0.005,
      not_as_described: 0.006,
      wrong_size: 0.028,
      wrong_item: 0.003,
      damaged_in_transit: 0.001,
      changed_mind: 0.018,
      found_cheaper: 0.002,
    },
  },
  Toys: {
    share: 0.1,
    medianPrice: 25,
    nouns: [
      'Building blocks',
      'Puzzle 1000',
      'Remote car',
      'Doll house',
      'Board game',
      'Plush bear',
      'Train set',
      'Science kit',
    ],
    reasonRates: {
      product_defect: 0.01,
      missing_parts: 0.005,
      not_as_described: 0.005,
      wrong_item: 0.002,
      damaged_in_transit: 0.005,
      changed_mind: 0.01,
      found_cheaper: 0.002,
      usage_question: 0.002,
      installation_help: 0.002,
    },
  },
  'Sports & outdoor': {
    share: 0.09,
    medianPrice: 45,
    nouns: [
      'Yoga mat',
      'Tent 2p',
      'Dumbbell set',
      'Bike helmet',
      'Water bottle',
      'Backpack 30L',
      'Sleeping bag',
      'Jump rope',
    ],
    reasonRates: {
      product_defect: 0.008,
      missing_parts: 0.002,
      not_as_described: 0.005,
      wrong_size: 0.006,
      wrong_item: 0.002,
      damaged_in_transit: 0.003,
      changed_mind: 0.012,
      found_cheaper: 0.003,
      installation_help: 0.002,
    },
  },
  Beauty: {
    share: 0.08,
    medianPrice: 19,
    nouns: [
      'Face cream',
      'Hair dryer',
      'Perfume 50ml',
      'Lipstick',
      'Shampoo',
      'Serum',
      'Nail kit',
      'Body lotion',
    ],
    reasonRates: {
      product_defect: 0.003,
      missing_parts: 0.001,
      not_as_described: 0.007,
      wrong_item: 0.003,
      damaged_in_transit: 0.004,
      changed_mind: 0.008,
      found_cheaper: 0.002,
    },
  },
  Garden: {
    share: 0.06,
    medianPrice: 49,
    nouns: [
      'Garden hose',
      'Pruning shears',
      'Solar light',
      'Plant pot set',
      'Lawn sprinkler',
      'Bird feeder',
      'Garden chair',
      'Grill',
    ],
    reasonRates: {
      product_defect: 0.01,
      missing_parts: 0.005,
      not_as_described: 0.004,
      wrong_item: 0.002,
      damaged_in_transit: 0.006,
      changed_mind: 0.01,
      found_cheaper: 0.003,
      installation_help: 0.004,
    },
  },
};

/** Reasons that do not depend on the product: same rate for every order line. */
export const COMMON_REASON_RATES: Partial<Record<ReasonCode, number>> = {
  price_error: 0.0007,
  shown_in_stock_but_not: 0.001,
  promo_terms_unclear: 0.0012,
  delivery_terms_unclear: 0.0008,
  intrusive_contact: 0.0003,
  slow_response: 0.0005,
};

export interface DemoSupplier {
  readonly externalId: string;
  readonly name: string;
  readonly country: string;
  /** Multiplies the defect rates of the supplier's goods; 1 is ordinary. */
  readonly quality: number;
  readonly categories: readonly DemoCategory[];
}

export interface DemoProduct {
  readonly sku: string;
  readonly name: string;
  readonly category: DemoCategory;
  readonly supplierId: string;
  readonly unitPrice: number;
  readonly popularity: number;
  readonly listingChangedAt: Date | null;
}

const SUPPLIER_NAMES = [
  'Kestrel Electronics',
  'Nordlicht Home',
  'Wisła Textiles',
  'Atlas Footwear',
  'Pampa Outdoor',
  'Volta Devices',
  'Lisboa Linen',
  'Cedar & Pine',
  'Baltic Toys',
  'Helio Garden',
  'Orion Audio',
  'Mosaic Kitchen',
  'Tundra Gear',
  'Sakura Beauty',
  'Rhein Tools',
  'Ibis Apparel',
  'Kraków Crafts',
  'Danube Home',
  'Meridian Sports',
  'Galil Cosmetics',
  'Porto Shoes',
  'Aurora Lighting',
  'Vistula Garden',
  'Fjord Outdoor',
  'Sirius Tech',
  'Oak & Iron',
  'Tel Aviv Design',
  'Amber Kids',
  'Costa Active',
  'Harbor Kitchen',
  'Pixel Gadgets',
  'Alpine Knit',
  'Volga Trading',
  'Riviera Fashion',
  'Magnolia Home',
  'Summit Footwear',
  'Nimbus Audio',
  'Terra Pots',
  'Lumen Beauty',
  'Falcon Sports',
];
const COUNTRIES = ['CN', 'DE', 'PL', 'PT', 'TR', 'VN', 'IT', 'IL', 'IN', 'CZ'];

/** The supplier whose defect rate jumps in the last three weeks (a bad production lot). */
export const STORY_SUPPLIER_ID = 'SUP-001';
/** The product whose `not_as_described` returns spike after its listing photos changed. */
export const STORY_PRODUCT_SKU = 'APP-0001';

const CATEGORY_CODES: Readonly<Record<DemoCategory, string>> = {
  Electronics: 'ELE',
  'Home & kitchen': 'HOM',
  Apparel: 'APP',
  Footwear: 'FTW',
  Toys: 'TOY',
  'Sports & outdoor': 'SPO',
  Beauty: 'BEA',
  Garden: 'GAR',
};

const CATEGORY_BY_SUPPLIER_HINT: ReadonlyArray<[RegExp, DemoCategory]> = [
  [/Electronics|Devices|Audio|Tech|Gadgets|Lighting/, 'Electronics'],
  [/Home|Kitchen|Cedar|Oak|Design|Crafts|Trading/, 'Home & kitchen'],
  [/Textiles|Linen|Apparel|Knit|Fashion/, 'Apparel'],
  [/Footwear|Shoes/, 'Footwear'],
  [/Toys|Kids/, 'Toys'],
  [/Outdoor|Gear|Sports|Active|Tools/, 'Sports & outdoor'],
  [/Beauty|Cosmetics/, 'Beauty'],
  [/Garden|Pots/, 'Garden'],
];

export function generateSuppliers(random: Random): DemoSupplier[] {
  return SUPPLIER_NAMES.map((name, i) => {
    const primary =
      CATEGORY_BY_SUPPLIER_HINT.find(([pattern]) => pattern.test(name))?.[1] ?? 'Home & kitchen';
    const secondary = random.chance(0.3) ? random.pick(DEMO_CATEGORIES) : primary;
    return {
      externalId: `SUP-${String(i + 1).padStart(3, '0')}`,
      name,
      country: random.pick(COUNTRIES),
      // Most suppliers are ordinary; a few are clearly better or worse.
      quality: i === 0 ? 1 : Math.min(2.6, Math.max(0.4, random.logNormal(1, 0.35))),
      categories: primary === secondary ? [primary] : [primary, secondary],
    };
  });
}

const COLOURS = [
  'black',
  'white',
  'navy',
  'sage',
  'sand',
  'graphite',
  'red',
  'blue',
  'olive',
  'grey',
];

export function generateProducts(
  random: Random,
  suppliers: readonly DemoSupplier[],
  count: number,
  listingChangeAt: Date,
): DemoProduct[] {
  const products: DemoProduct[] = [];
  const shareTotal = DEMO_CATEGORIES.reduce((s, c) => s + CATEGORY_PROFILES[c].share, 0);
  for (const category of DEMO_CATEGORIES) {
    const profile = CATEGORY_PROFILES[category];
    const inCategory = Math.round((count * profile.share) / shareTotal);
    const makers = suppliers.filter((s) => s.categories.includes(category));
    for (let i = 0; i < inCategory; i++) {
      const sku = `${CATEGORY_CODES[category]}-${String(i + 1).padStart(4, '0')}`;
      const supplier =
        sku === STORY_PRODUCT_SKU
          ? suppliers[6]
          : i === 0 && category === 'Electronics'
            ? suppliers[0]
            : random.pick(makers);
      const noun = sku === STORY_PRODUCT_SKU ? 'Linen dress' : random.pick(profile.nouns);
      const colour = sku === STORY_PRODUCT_SKU ? 'sage' : random.pick(COLOURS);
      const brand = supplier.name.split(' ')[0];
      products.push({
        sku,
        name: `${brand} ${noun}, ${colour}`,
        category,
        supplierId: supplier.externalId,
        unitPrice: Math.max(4.99, Math.round(random.logNormal(profile.medianPrice, 0.5)) - 0.01),
        // Zipf-like: a few bestsellers, a long tail.
        popularity: (1 / Math.pow(i + 1, 0.85)) * profile.share,
        listingChangedAt: sku === STORY_PRODUCT_SKU ? listingChangeAt : null,
      });
    }
  }
  // The story supplier makes more of the electronics catalogue, so its lot problem is visible.
  return products.map((p, i) =>
    p.category === 'Electronics' && i % 5 === 1
      ? {
          ...p,
          supplierId: STORY_SUPPLIER_ID,
          name: `Kestrel ${p.name.split(' ').slice(1).join(' ')}`,
        }
      : p,
  );
}
