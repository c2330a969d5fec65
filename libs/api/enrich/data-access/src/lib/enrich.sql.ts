/**
 * The SQL of text enrichment, in one place. Updates touch only rows whose derived values
 * change, so sending the same file twice (or re-running the analysis) rewrites nothing.
 * Writing the shipped analysis's values also forgets any shop model's label of the row
 * (`*_model`, `base_*`: ShopTextModels relabels it afterwards).
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
 * A batch analysed in the background: its new and changed rows with a text lose their
 * derived values, which marks them for the analysis ($1 shop, $2 batch).
 */
export const MARK_BATCH_CLAIMS_PENDING = (stage: string) => `
  UPDATE claims c
     SET inferred_reason_code = NULL, inferred_confidence = NULL, text_language = NULL, inferred_model = NULL, base_inferred_reason_code = NULL, base_inferred_confidence = NULL
    FROM ${stage} s
   WHERE s.ok AND s.reason_text IS NOT NULL AND btrim(s.reason_text) <> ''
     AND c.shop_id = $1 AND c.external_id = s.external_id AND c.batch_id = $2
     AND (c.inferred_reason_code IS NOT NULL OR c.inferred_confidence IS NOT NULL OR c.text_language IS NOT NULL)`;

export const MARK_BATCH_FEEDBACK_PENDING = (stage: string) => `
  UPDATE feedback f
     SET language = NULL, sentiment_score = NULL, sentiment_label = NULL, aspects = NULL, sentiment_model = NULL, base_sentiment_score = NULL, base_sentiment_label = NULL
    FROM ${stage} s
   WHERE s.ok AND s.text IS NOT NULL AND btrim(s.text) <> ''
     AND f.shop_id = $1 AND f.external_id = s.external_id AND f.batch_id = $2
     AND (f.language IS NOT NULL OR f.sentiment_score IS NOT NULL OR f.sentiment_label IS NOT NULL OR f.aspects IS NOT NULL)`;

/** How many texts an ingest batch carries (one pass over its staging table). */
export const COUNT_STAGED_TEXTS = (stage: string, column: 'reason_text' | 'text') => `
  SELECT count(*)::int AS n FROM ${stage} WHERE ok AND ${column} IS NOT NULL AND btrim(${column}) <> ''`;

export const FETCH_TEXTS = 'FETCH 2000 FROM enrich_texts';
export const CLOSE_TEXTS = 'CLOSE enrich_texts';

/** $1 shop, then parallel arrays: external ids, codes, confidences, languages. */
export const UPDATE_CLAIMS = `
  UPDATE claims c
     SET inferred_reason_code = u.code, inferred_confidence = u.confidence, text_language = u.language, inferred_model = NULL, base_inferred_reason_code = NULL, base_inferred_confidence = NULL
    FROM unnest($2::text[], $3::text[], $4::real[], $5::text[]) AS u(external_id, code, confidence, language)
   WHERE c.shop_id = $1 AND c.external_id = u.external_id
     AND (c.inferred_reason_code, c.inferred_confidence, c.text_language)
         IS DISTINCT FROM (u.code, u.confidence, u.language)`;

/** A claim of the batch whose text was removed loses what was inferred from it. */
export const CLEAR_STAGED_CLAIMS_WITHOUT_TEXT = (stage: string) => `
  UPDATE claims c
     SET inferred_reason_code = NULL, inferred_confidence = NULL, text_language = NULL, inferred_model = NULL, base_inferred_reason_code = NULL, base_inferred_confidence = NULL
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
     SET language = u.language, sentiment_score = u.score, sentiment_label = u.label, aspects = u.aspects::jsonb, sentiment_model = NULL, base_sentiment_score = NULL, base_sentiment_label = NULL
    FROM unnest($2::text[], $3::text[], $4::real[], $5::text[], $6::text[])
         AS u(external_id, language, score, label, aspects)
   WHERE f.shop_id = $1 AND f.external_id = u.external_id
     AND (f.language, f.sentiment_score, f.sentiment_label, f.aspects)
         IS DISTINCT FROM (u.language, u.score, u.label, u.aspects::jsonb)`;

/** Feedback of the batch without text: only the stated language, nothing derived. */
export const CLEAR_STAGED_FEEDBACK_WITHOUT_TEXT = (stage: string) => `
  UPDATE feedback f
     SET language = f.stated_language, sentiment_score = NULL, sentiment_label = NULL, aspects = NULL, sentiment_model = NULL, base_sentiment_score = NULL, base_sentiment_label = NULL
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

// ---- Text analysis in the background (docs/reliability.md, "Text analysis in the background")

/**
 * A batch's texts not analysed yet, in key order after $3, $4 at a time ($1 shop, $2 batch):
 * through the partial indexes `claims_unanalysed` / `feedback_unanalysed`.
 */
export const BATCH_CLAIM_TEXTS = `
  SELECT external_id, reason_text AS text FROM claims
   WHERE batch_id = $2 AND text_language IS NULL AND reason_text IS NOT NULL
     AND shop_id = $1 AND btrim(reason_text) <> '' AND external_id > $3
   ORDER BY external_id LIMIT $4`;

export const BATCH_FEEDBACK_TEXTS = `
  SELECT external_id, text, stated_language FROM feedback
   WHERE batch_id = $2 AND language IS NULL AND text IS NOT NULL
     AND shop_id = $1 AND btrim(text) <> '' AND external_id > $3
   ORDER BY external_id LIMIT $4`;

/** How many texts of a batch are left to analyse ($1 shop, $2 batch). */
export const COUNT_BATCH_CLAIM_TEXTS = `
  SELECT count(*)::int AS n FROM claims
   WHERE batch_id = $2 AND text_language IS NULL AND reason_text IS NOT NULL
     AND shop_id = $1 AND btrim(reason_text) <> ''`;

export const COUNT_BATCH_FEEDBACK_TEXTS = `
  SELECT count(*)::int AS n FROM feedback
   WHERE batch_id = $2 AND language IS NULL AND text IS NOT NULL
     AND shop_id = $1 AND btrim(text) <> ''`;

/**
 * One chunk's values, written only to rows still of the batch and still unanalysed: a row
 * a later batch replaced (its text perhaps changed) is that batch's to analyse, and a row is
 * never written twice. $1 shop, $2 batch, then parallel arrays as UPDATE_CLAIMS.
 */
export const UPDATE_BATCH_CLAIMS = `
  UPDATE claims c
     SET inferred_reason_code = u.code, inferred_confidence = u.confidence, text_language = u.language, inferred_model = NULL, base_inferred_reason_code = NULL, base_inferred_confidence = NULL
    FROM unnest($3::text[], $4::text[], $5::real[], $6::text[]) AS u(external_id, code, confidence, language)
   WHERE c.shop_id = $1 AND c.external_id = u.external_id AND c.batch_id = $2 AND c.text_language IS NULL`;

export const UPDATE_BATCH_FEEDBACK = `
  UPDATE feedback f
     SET language = u.language, sentiment_score = u.score, sentiment_label = u.label, aspects = u.aspects::jsonb, sentiment_model = NULL, base_sentiment_score = NULL, base_sentiment_label = NULL
    FROM unnest($3::text[], $4::text[], $5::real[], $6::text[], $7::text[])
         AS u(external_id, language, score, label, aspects)
   WHERE f.shop_id = $1 AND f.external_id = u.external_id AND f.batch_id = $2 AND f.language IS NULL`;

/** In the batch's transaction: analysed inline, all of its texts ($1 batch, $2 texts). */
export const ANALYSIS_DONE_INLINE = `
  UPDATE ingest_batches
     SET analysis_status = 'done', analysis_total = $2, analysis_done = $2, analysis_finished_at = now()
   WHERE id = $1`;

/** In the batch's transaction: left for the background ($1 batch, $2 texts, $3 weeks). */
export const ANALYSIS_DEFERRED = `
  UPDATE ingest_batches
     SET analysis_status = 'pending', analysis_total = $2, analysis_done = 0, analysis_weeks = $3::date[]
   WHERE id = $1`;

/** Committed batches whose analysis is to do or was interrupted, oldest first. */
export const NEXT_ANALYSIS = `
  SELECT id::text, kind FROM ingest_batches
   WHERE analysis_status IN ('pending', 'running') AND status = 'committed' AND shop_id = $1
   ORDER BY id LIMIT 1`;

export const ANALYSIS_STARTED = `
  UPDATE ingest_batches SET analysis_status = 'running' WHERE id = $1 AND analysis_status = 'pending'`;

/** In a chunk's transaction: its rows counted ($1 batch, $2 rows written). */
export const ANALYSIS_ADVANCED = `
  UPDATE ingest_batches SET analysis_done = analysis_done + $2 WHERE id = $1`;

/**
 * In the last transaction, after the rollups: done. Rows a later batch replaced meanwhile
 * are that batch's, so the total becomes what this batch analysed.
 */
export const ANALYSIS_FINISHED = `
  UPDATE ingest_batches
     SET analysis_status = 'done', analysis_total = analysis_done, analysis_finished_at = now()
   WHERE id = $1`;

/** Failed analyses given another go (`npm run reanalyze`). */
export const ANALYSIS_RETRIED = `
  UPDATE ingest_batches SET analysis_status = 'pending', analysis_finished_at = NULL
   WHERE analysis_status = 'failed' AND shop_id = $1`;

export const ANALYSIS_FAILED = `
  UPDATE ingest_batches SET analysis_status = 'failed', analysis_finished_at = now() WHERE id = $1`;

/** The weeks a deferred batch's texts fall in (null: not kept, for batches marked by the migration). */
export const ANALYSIS_WEEKS = `
  SELECT CASE WHEN analysis_weeks IS NULL THEN NULL
              ELSE ARRAY(SELECT to_char(w, 'YYYY-MM-DD') FROM unnest(analysis_weeks) AS w) END AS weeks
    FROM ingest_batches WHERE id = $1`;

/** Batches of a kind whose texts are still being analysed, and the texts left. */
export const ANALYSIS_IN_PROGRESS = `
  SELECT count(*)::int AS batches, COALESCE(sum(GREATEST(analysis_total - analysis_done, 0)), 0)::int AS remaining
    FROM ingest_batches
   WHERE analysis_status IN ('pending', 'running') AND shop_id = $1 AND kind = $2`;
