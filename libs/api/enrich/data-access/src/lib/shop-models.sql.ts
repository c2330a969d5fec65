/**
 * The SQL of the shop's adapted text models (ShopTextModels). Labelled texts are read as
 * distinct (text, label) pairs with their count: a template sent a thousand times trains
 * once and counts a thousand times in the agreement.
 */

/** Most distinct labelled texts one model trains on (the most recent first). */
export const ADAPT_MAX_TEXTS = 20_000;

const HAS_TEXT = (column: string) => `${column} IS NOT NULL AND btrim(${column}) <> ''`;

/** Rated reviews per language ($1 shop). */
export const RATED_BY_LANGUAGE = `
  SELECT language, count(*)::int AS n FROM feedback
   WHERE shop_id = $1 AND rating IS NOT NULL AND ${HAS_TEXT('text')}
     AND language IS NOT NULL AND language <> 'und'
   GROUP BY language ORDER BY language`;

/** Claims with a stated reason and a text ($1 shop). */
export const STATED_WITH_TEXT = `
  SELECT count(*)::int AS n FROM claims
   WHERE shop_id = $1 AND stated_reason_code IS NOT NULL AND ${HAS_TEXT('reason_text')}`;

/**
 * A language's rated reviews as distinct (text, stars class, shipped analysis) with counts
 * ($1 shop, $2 language, $3 limit). The shipped analysis of a rated review is its stored
 * label (an adapted model never labels rated reviews).
 */
export const RATED_TEXTS = `
  SELECT text, rating_label AS gold, sentiment_score AS score, sentiment_label AS label,
         count(*)::int AS n, max(created_at) AS latest
    FROM feedback
   WHERE shop_id = $1 AND language = $2 AND rating IS NOT NULL AND ${HAS_TEXT('text')}
   GROUP BY 1, 2, 3, 4 ORDER BY latest DESC LIMIT $3`;

/** Stated reasons with their text and what the shipped cues read in it ($1 shop, $2 limit). */
export const STATED_TEXTS = `
  SELECT reason_text AS text, stated_reason_code AS gold,
         COALESCE(base_inferred_reason_code, inferred_reason_code) AS code,
         COALESCE(base_inferred_confidence, inferred_confidence) AS confidence,
         count(*)::int AS n, max(opened_at) AS latest
    FROM claims
   WHERE shop_id = $1 AND stated_reason_code IS NOT NULL AND ${HAS_TEXT('reason_text')}
   GROUP BY 1, 2, 3, 4 ORDER BY latest DESC LIMIT $2`;

/**
 * Unrated reviews of a language not labelled by model `$3` yet, in key order after `$4`
 * ($1 shop, $2 language, $5 page size), with what the shipped analysis said.
 */
export const UNRATED_PAGE = `
  SELECT external_id, text,
         CASE WHEN sentiment_model IS NULL THEN sentiment_score ELSE base_sentiment_score END AS score,
         CASE WHEN sentiment_model IS NULL THEN sentiment_label ELSE base_sentiment_label END AS label
    FROM feedback
   WHERE shop_id = $1 AND language = $2 AND rating IS NULL AND ${HAS_TEXT('text')}
     AND sentiment_model IS DISTINCT FROM $3 AND external_id > $4
   ORDER BY external_id LIMIT $5`;

/** Claims without a stated reason, not labelled by model `$2` yet, after key `$3` ($1 shop, $4 page). */
export const UNSTATED_PAGE = `
  SELECT external_id, reason_text AS text,
         CASE WHEN inferred_model IS NULL THEN inferred_reason_code ELSE base_inferred_reason_code END AS code,
         CASE WHEN inferred_model IS NULL THEN inferred_confidence ELSE base_inferred_confidence END AS confidence
    FROM claims
   WHERE shop_id = $1 AND stated_reason_code IS NULL AND ${HAS_TEXT('reason_text')}
     AND inferred_model IS DISTINCT FROM $2 AND external_id > $3
   ORDER BY external_id LIMIT $4`;

/**
 * Labels of model `$2` (null: the shipped analysis's, restored) written to reviews ($1 shop;
 * parallel arrays $3 ids, $4 scores, $5 labels). The shipped analysis's values are kept aside
 * the first time a model labels a row.
 */
export const LABEL_FEEDBACK = `
  UPDATE feedback f
     SET base_sentiment_score = CASE WHEN $2::int IS NULL THEN NULL
                                     WHEN f.sentiment_model IS NULL THEN f.sentiment_score
                                     ELSE f.base_sentiment_score END,
         base_sentiment_label = CASE WHEN $2::int IS NULL THEN NULL
                                     WHEN f.sentiment_model IS NULL THEN f.sentiment_label
                                     ELSE f.base_sentiment_label END,
         sentiment_score = u.score, sentiment_label = u.label, sentiment_model = $2::int
    FROM unnest($3::text[], $4::real[], $5::text[]) AS u(external_id, score, label)
   WHERE f.shop_id = $1 AND f.external_id = u.external_id
     AND (f.sentiment_score, f.sentiment_label, f.sentiment_model)
         IS DISTINCT FROM (u.score, u.label, $2::int)`;

/** The same for claims' inferred reasons ($3 ids, $4 codes, $5 confidences, $6 model per row). */
export const LABEL_CLAIMS = `
  UPDATE claims c
     SET base_inferred_reason_code = CASE WHEN u.model IS NULL THEN NULL
                                          WHEN c.inferred_model IS NULL THEN c.inferred_reason_code
                                          ELSE c.base_inferred_reason_code END,
         base_inferred_confidence = CASE WHEN u.model IS NULL THEN NULL
                                         WHEN c.inferred_model IS NULL THEN c.inferred_confidence
                                         ELSE c.base_inferred_confidence END,
         inferred_reason_code = u.code, inferred_confidence = u.confidence, inferred_model = u.model
    FROM unnest($2::text[], $3::text[], $4::real[], $5::int[]) AS u(external_id, code, confidence, model)
   WHERE c.shop_id = $1 AND c.external_id = u.external_id
     AND (c.inferred_reason_code, c.inferred_confidence, c.inferred_model)
         IS DISTINCT FROM (u.code, u.confidence, u.model)`;

/** Rows a model no longer in use labelled: back to the shipped analysis's values. */
export const RESTORE_FEEDBACK = `
  UPDATE feedback
     SET sentiment_score = base_sentiment_score, sentiment_label = base_sentiment_label,
         sentiment_model = NULL, base_sentiment_score = NULL, base_sentiment_label = NULL
   WHERE shop_id = $1 AND language = $2 AND sentiment_model IS NOT NULL
  RETURNING external_id`;

export const RESTORE_CLAIMS = `
  UPDATE claims
     SET inferred_reason_code = base_inferred_reason_code, inferred_confidence = base_inferred_confidence,
         inferred_model = NULL, base_inferred_reason_code = NULL, base_inferred_confidence = NULL
   WHERE shop_id = $1 AND inferred_model IS NOT NULL
  RETURNING external_id`;

export const SAVE_MODEL = `
  INSERT INTO text_models (shop_id, task, language, version, classes, labelled_texts, adapted_score,
                           base_score, adapted_agreement, base_agreement, agreement_of, in_use, why,
                           weights, trained_at)
  VALUES ($1, $2, $3, nextval('text_model_versions'), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
  ON CONFLICT (shop_id, task, language) DO UPDATE SET
    version = EXCLUDED.version, classes = EXCLUDED.classes, labelled_texts = EXCLUDED.labelled_texts,
    adapted_score = EXCLUDED.adapted_score, base_score = EXCLUDED.base_score,
    adapted_agreement = EXCLUDED.adapted_agreement, base_agreement = EXCLUDED.base_agreement,
    agreement_of = EXCLUDED.agreement_of, in_use = EXCLUDED.in_use, why = EXCLUDED.why,
    weights = EXCLUDED.weights, trained_at = now()
  RETURNING version`;

export const STORED_MODELS = `
  SELECT task, language, version, classes, labelled_texts, adapted_score, base_score,
         adapted_agreement, base_agreement, agreement_of, in_use, why, trained_at
    FROM text_models WHERE shop_id = $1 ORDER BY task, language`;

export const MODEL_WEIGHTS = `
  SELECT version, classes, weights FROM text_models
   WHERE shop_id = $1 AND task = $2 AND language = $3 AND in_use`;

/** How many texts each model labels now. */
export const LABELS_PER_MODEL = `
  SELECT sentiment_model AS version, count(*)::int AS n FROM feedback
   WHERE shop_id = $1 AND sentiment_model IS NOT NULL GROUP BY 1
  UNION ALL
  SELECT inferred_model, count(*)::int FROM claims
   WHERE shop_id = $1 AND inferred_model IS NOT NULL GROUP BY 1`;
