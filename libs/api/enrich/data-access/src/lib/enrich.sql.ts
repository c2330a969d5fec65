/**
 * The SQL of text enrichment, in one place. Updates touch only rows whose derived values
 * change, so sending the same file twice (or re-running the analysis) rewrites nothing.
 */

/** Claim texts of an ingest batch, read from its staging table with a cursor. */
export const STAGED_CLAIM_TEXTS_CURSOR = (stage: string) => `
  DECLARE enrich_texts NO SCROLL CURSOR FOR
   SELECT external_id, reason_text AS text FROM ${stage}
    WHERE ok AND reason_text IS NOT NULL AND btrim(reason_text) <> ''`;

/** Feedback texts of an ingest batch (with the language the file stated, if any). */
export const STAGED_FEEDBACK_TEXTS_CURSOR = (stage: string) => `
  DECLARE enrich_texts NO SCROLL CURSOR FOR
   SELECT external_id, text, stated_language FROM ${stage}
    WHERE ok AND text IS NOT NULL AND btrim(text) <> ''`;

/**
 * A batch too large to analyse inline: its new and changed rows lose their derived values,
 * so `reanalyze --missing` finds them ($1 shop, $2 batch).
 */
export const MARK_BATCH_CLAIMS_PENDING = (stage: string) => `
  UPDATE claims c
     SET inferred_reason_code = NULL, inferred_confidence = NULL, text_language = NULL
    FROM ${stage} s
   WHERE s.ok AND c.shop_id = $1 AND c.external_id = s.external_id AND c.batch_id = $2
     AND (c.inferred_reason_code IS NOT NULL OR c.inferred_confidence IS NOT NULL OR c.text_language IS NOT NULL)`;

export const MARK_BATCH_FEEDBACK_PENDING = (stage: string) => `
  UPDATE feedback f
     SET language = NULL, sentiment_score = NULL, sentiment_label = NULL, aspects = NULL
    FROM ${stage} s
   WHERE s.ok AND f.shop_id = $1 AND f.external_id = s.external_id AND f.batch_id = $2
     AND (f.language IS NOT NULL OR f.sentiment_score IS NOT NULL OR f.sentiment_label IS NOT NULL OR f.aspects IS NOT NULL)`;

/** How many texts an ingest batch carries (one pass over its staging table). */
export const COUNT_STAGED_TEXTS = (stage: string, column: 'reason_text' | 'text') => `
  SELECT count(*)::int AS n FROM ${stage} WHERE ok AND ${column} IS NOT NULL AND btrim(${column}) <> ''`;

export const FETCH_TEXTS = 'FETCH 2000 FROM enrich_texts';
export const CLOSE_TEXTS = 'CLOSE enrich_texts';

/** $1 shop, then parallel arrays: external ids, codes, confidences, languages. */
export const UPDATE_CLAIMS = `
  UPDATE claims c
     SET inferred_reason_code = u.code, inferred_confidence = u.confidence, text_language = u.language
    FROM unnest($2::text[], $3::text[], $4::real[], $5::text[]) AS u(external_id, code, confidence, language)
   WHERE c.shop_id = $1 AND c.external_id = u.external_id
     AND (c.inferred_reason_code, c.inferred_confidence, c.text_language)
         IS DISTINCT FROM (u.code, u.confidence, u.language)`;

/** A claim of the batch whose text was removed loses what was inferred from it. */
export const CLEAR_STAGED_CLAIMS_WITHOUT_TEXT = (stage: string) => `
  UPDATE claims c
     SET inferred_reason_code = NULL, inferred_confidence = NULL, text_language = NULL
    FROM ${stage} s
   WHERE s.ok AND (s.reason_text IS NULL OR btrim(s.reason_text) = '')
     AND c.shop_id = $1 AND c.external_id = s.external_id
     AND (c.inferred_reason_code IS NOT NULL OR c.inferred_confidence IS NOT NULL OR c.text_language IS NOT NULL)`;

/**
 * $1 shop, then parallel arrays: external ids, languages, scores, labels, aspects (JSON).
 * The language is the stated one when the file gave a usable one (resolved by the caller).
 */
export const UPDATE_FEEDBACK = `
  UPDATE feedback f
     SET language = u.language, sentiment_score = u.score, sentiment_label = u.label, aspects = u.aspects::jsonb
    FROM unnest($2::text[], $3::text[], $4::real[], $5::text[], $6::text[])
         AS u(external_id, language, score, label, aspects)
   WHERE f.shop_id = $1 AND f.external_id = u.external_id
     AND (f.language, f.sentiment_score, f.sentiment_label, f.aspects)
         IS DISTINCT FROM (u.language, u.score, u.label, u.aspects::jsonb)`;

/** Feedback of the batch without text: only the stated language, nothing derived. */
export const CLEAR_STAGED_FEEDBACK_WITHOUT_TEXT = (stage: string) => `
  UPDATE feedback f
     SET language = f.stated_language, sentiment_score = NULL, sentiment_label = NULL, aspects = NULL
    FROM ${stage} s
   WHERE s.ok AND (s.text IS NULL OR btrim(s.text) = '')
     AND f.shop_id = $1 AND f.external_id = s.external_id
     AND (f.language, f.sentiment_score, f.sentiment_label, f.aspects)
         IS DISTINCT FROM (f.stated_language, NULL::real, NULL::text, NULL::jsonb)`;

/** Stored claim texts, a page at a time in key order ($2: last key seen; $3: only unanalysed). */
export const STORED_CLAIM_TEXTS = `
  SELECT external_id, reason_text AS text FROM claims
   WHERE shop_id = $1 AND external_id > $2 AND reason_text IS NOT NULL AND btrim(reason_text) <> ''
     AND (NOT $3 OR text_language IS NULL)
   ORDER BY external_id LIMIT 2000`;

export const STORED_FEEDBACK_TEXTS = `
  SELECT external_id, text, stated_language FROM feedback
   WHERE shop_id = $1 AND external_id > $2 AND text IS NOT NULL AND btrim(text) <> ''
     AND (NOT $3 OR language IS NULL)
   ORDER BY external_id LIMIT 2000`;

/** Claims whose stated reason disagrees with the one inferred from their text. */
export const COUNT_REASON_MISMATCHES = `
  SELECT count(*) FILTER (WHERE inferred_reason_code IS NOT NULL)::int AS inferred,
         count(*) FILTER (WHERE stated_reason_code IS NOT NULL AND inferred_reason_code IS NOT NULL
                            AND stated_reason_code <> inferred_reason_code)::int AS mismatched
    FROM claims WHERE shop_id = $1`;
