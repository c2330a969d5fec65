import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CHANNELS,
  REASON_CATEGORIES,
  type OwnChannel,
  type OwnReason,
  type ReasonCategoryCode,
  type ShopTaxonomy,
} from '@returnlens/shared/contracts';
import { RollupsService } from '@returnlens/api/rollups/data-access';
import { DEFAULT_SHOP_ID } from '@returnlens/api/shared/util';

/** Texts read before a reason's claims suggest a category; and the majority they must reach. */
const TEXTS_TO_SUGGEST = 5;
const SUGGEST_SHARE = 0.5;

/**
 * The shop's own reasons and channels (docs/domain.md, "The shop's own taxonomy"): listed
 * with their claims and, for reasons, the category their claims' texts point to; placed by
 * the shop. Moving a reason to another category recomputes the claim rollups of its weeks
 * (defect rates count the product-quality category).
 */
@Injectable()
export class TaxonomyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rollups: RollupsService,
  ) {}

  async taxonomy(): Promise<ShopTaxonomy> {
    const [reasons, channels] = await Promise.all([this.reasons(), this.channels()]);
    return {
      reasons,
      channels,
      categories: REASON_CATEGORIES.map((c) => ({ code: c.code, label: c.label })),
      channelGroups: [...CHANNELS, 'other'],
    };
  }

  async placeReason(code: string, category: ReasonCategoryCode): Promise<OwnReason> {
    await this.db.transaction(async (m) => {
      const updated = (await m.query(
        `UPDATE reasons SET category_code = $3, source = 'shop', updated_at = now()
          WHERE shop_id = $1 AND code = $2 RETURNING code`,
        [DEFAULT_SHOP_ID, code, category],
      )) as [unknown[], number];
      if (!updated[1])
        throw new NotFoundException({
          statusCode: 404,
          code: 'own_reason_not_found',
          params: { value: code },
          message: `No reason of the shop's own has the code "${code}".`,
        });
      await this.rollups.refreshStored(m, 'claims', 't.reason_code = {reason}', { reason: code });
    });
    return (await this.reasons(code))[0];
  }

  async placeChannel(code: string, group: string): Promise<OwnChannel> {
    const updated = (await this.db.query(
      `UPDATE shop_channels SET channel_group = $3, source = 'shop', updated_at = now()
        WHERE shop_id = $1 AND code = $2 RETURNING code`,
      [DEFAULT_SHOP_ID, code, group],
    )) as [unknown[], number];
    if (!updated[1])
      throw new NotFoundException({
        statusCode: 404,
        code: 'own_channel_not_found',
        params: { value: code },
        message: `No channel of the shop's own is called "${code}".`,
      });
    return (await this.channels(code))[0];
  }

  private reasons(code?: string): Promise<OwnReason[]> {
    return this.db.query(
      `WITH own AS (
         SELECT code, label, category_code, source FROM reasons
          WHERE shop_id = $1 AND ($2::text IS NULL OR code = $2)
       ), texts AS (
         SELECT c.reason_code, r.category_code, count(*)::int AS n,
                sum(count(*)) OVER (PARTITION BY c.reason_code)::int AS read
           FROM claims c JOIN reasons r ON r.code = c.inferred_reason_code
          WHERE c.shop_id = $1 AND c.reason_code IN (SELECT code FROM own)
            AND c.inferred_reason_code IS NOT NULL AND c.inferred_reason_code <> 'other'
          GROUP BY 1, 2
       ), top AS (
         SELECT DISTINCT ON (reason_code) reason_code, category_code, n, read
           FROM texts ORDER BY reason_code, n DESC, category_code
       )
       SELECT o.code, o.label, o.category_code AS category, o.source,
              CASE WHEN t.read >= $3 AND t.n > $4::float8 * t.read AND t.category_code <> o.category_code
                   THEN t.category_code END AS "suggestedCategory",
              (SELECT count(*)::int FROM claims c WHERE c.shop_id = $1 AND c.reason_code = o.code) AS claims
         FROM own o LEFT JOIN top t ON t.reason_code = o.code
        ORDER BY claims DESC, o.label`,
      [DEFAULT_SHOP_ID, code ?? null, TEXTS_TO_SUGGEST, SUGGEST_SHARE],
    );
  }

  private channels(code?: string): Promise<OwnChannel[]> {
    return this.db.query(
      `SELECT s.code, s.code AS label, s.channel_group AS "group", s.source,
              (SELECT count(*)::int FROM claims c WHERE c.shop_id = $1 AND c.channel = s.code) AS claims
         FROM shop_channels s
        WHERE s.shop_id = $1 AND ($2::text IS NULL OR s.code = $2)
        ORDER BY claims DESC, s.code`,
      [DEFAULT_SHOP_ID, code ?? null],
    );
  }
}
