import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TextModelState, TextModelsReport, TextModelTask } from '@returnlens/shared/contracts';
import { RollupsService } from '@returnlens/api/rollups/data-access';
import {
  APP_CONFIG,
  batchEvents,
  DEFAULT_SHOP_ID,
  loggableError,
  type AppConfig,
} from '@returnlens/api/shared/util';
import {
  adaptationGate,
  argmax,
  binaryMacroF1,
  macroF1,
  predictLinear,
  reasonPriors,
  SENTIMENT_CLASSES,
  sentimentPriors,
  textFeatures,
  unpackModel,
  packModel,
  type LabelledText,
  type LinearModel,
} from '@returnlens/shared/text';
import { TextAnalyzer } from './text-analyzer';
import {
  ADAPT_MAX_TEXTS,
  LABEL_CLAIMS,
  LABEL_FEEDBACK,
  LABELS_PER_MODEL,
  MODEL_WEIGHTS,
  RATED_BY_LANGUAGE,
  RATED_TEXTS,
  RESTORE_CLAIMS,
  RESTORE_FEEDBACK,
  SAVE_MODEL,
  STATED_TEXTS,
  STATED_WITH_TEXT,
  STORED_MODELS,
  UNRATED_PAGE,
  UNSTATED_PAGE,
} from './shop-models.sql';

/** All languages: the reasons model reads every claim text. */
export const ALL_LANGUAGES = '*';
/** A reason is learnt when the shop stated it this often (with a text). */
export const MIN_PER_REASON = 20;
/** An adapted reason below this probability leaves the claim to the shipped cues. */
export const REASON_MIN_PROBABILITY = 0.5;
/** A stored model is retrained when its labelled texts grew (or shrank) by a tenth. */
const RETRAIN_CHANGE = 0.1;
const PAGE = 2000;

interface Counted {
  readonly text: string;
  readonly gold: string;
  readonly n: number;
}

interface StoredModel {
  task: TextModelTask;
  language: string;
  version: number;
  classes: string[];
  labelled_texts: number;
  adapted_score: number;
  base_score: number;
  adapted_agreement: number | null;
  base_agreement: number | null;
  agreement_of: number;
  in_use: boolean;
  why: string;
  trained_at: Date;
}

/**
 * What the shop's own labelled texts teach (docs/text-analysis.md, "What the shop's own data
 * teaches"; decision 0022). After every claims or feedback batch (and its background
 * analysis), in the background and one run at a time:
 * - **sentiment**, per language with at least TEXT_ADAPT_MIN_EXAMPLES rated reviews: a model
 *   over the review texts and what the shipped analysis said of them, taught by the stars
 *   (1–2 negative, 3 neutral, 4–5 positive), cross-validated in five folds on those reviews;
 *   it labels the language's unrated reviews only if its binary macro-F1 beats the shipped
 *   analysis's on the same reviews (adaptationGate);
 * - **reasons**, with as many claims whose reason was stated with a text: the same over the
 *   reasons stated at least MIN_PER_REASON times, judged by macro-F1 over those reasons; it
 *   reads the reason of claims stated without one, where it is at least REASON_MIN_PROBABILITY
 *   sure (else the shipped cues keep theirs).
 * Models are retrained when their labelled texts changed by a tenth. Relabelled rows update
 * their weeks' rollups in the same transaction. `TEXT_ADAPT=off` turns it all off (the models
 * stored are kept, and labels already given stay until the texts are analysed again).
 */
@Injectable()
export class ShopTextModels implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ShopTextModels');
  private tail: Promise<unknown> = Promise.resolve();
  private waiting: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG)
    private readonly config: Pick<AppConfig, 'textAdaptMinExamples' | 'textAdapt'>,
    private readonly analyzer: TextAnalyzer,
    private readonly rollups: RollupsService,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = batchEvents.onCommitted((event) => {
      if (event.kind === 'claims' || event.kind === 'feedback') void this.refresh();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.tail.catch(() => undefined);
  }

  /**
   * Retrains what changed enough and relabels what a model in use has not labelled yet.
   * A call while a run is going waits for it and shares the one run after it; never rejects.
   */
  refresh(): Promise<void> {
    if (!this.config.textAdapt) return Promise.resolve();
    if (this.waiting) return this.waiting;
    const run = this.tail.then(async () => {
      this.waiting = null;
      try {
        await this.run();
      } catch (error) {
        this.logger.error(`Adapting the text models failed: ${loggableError(error)}`);
      }
    });
    this.waiting = run;
    this.tail = run;
    return run;
  }

  /** The models, their scores, and the languages still short of labelled texts. */
  async report(): Promise<TextModelsReport> {
    const stored: StoredModel[] = await this.db.query(STORED_MODELS, [DEFAULT_SHOP_ID]);
    const labels = new Map<number, number>();
    for (const row of (await this.db.query(LABELS_PER_MODEL, [DEFAULT_SHOP_ID])) as {
      version: number;
      n: number;
    }[])
      labels.set(Number(row.version), (labels.get(Number(row.version)) ?? 0) + row.n);
    const models: TextModelState[] = stored.map((m) => ({
      task: m.task,
      language: m.language,
      labelledTexts: m.labelled_texts,
      classes: m.classes,
      inUse: m.in_use,
      why: m.why,
      adaptedScore: round(m.adapted_score),
      baseScore: round(m.base_score),
      agreement: m.in_use ? roundOrNull(m.adapted_agreement) : roundOrNull(m.base_agreement),
      agreementOf: m.agreement_of,
      labels: m.in_use ? (labels.get(m.version) ?? 0) : 0,
      trainedAt: m.trained_at.toISOString(),
    }));
    const { rated, stated } = await this.counts();
    const min = this.config.textAdaptMinExamples;
    const waiting = [
      ...rated
        .filter((r) => r.n < min)
        .map((r) => ({ task: 'sentiment' as const, language: r.language, labelledTexts: r.n })),
      ...(stated < min && stated > 0
        ? [{ task: 'reasons' as const, language: ALL_LANGUAGES, labelledTexts: stated }]
        : []),
    ];
    return { minExamples: min, models, waiting };
  }

  private async counts(): Promise<{ rated: { language: string; n: number }[]; stated: number }> {
    const rated: { language: string; n: number }[] = await this.db.query(RATED_BY_LANGUAGE, [
      DEFAULT_SHOP_ID,
    ]);
    const [{ n: stated }] = (await this.db.query(STATED_WITH_TEXT, [DEFAULT_SHOP_ID])) as {
      n: number;
    }[];
    return { rated, stated };
  }

  private async run(): Promise<void> {
    const min = this.config.textAdaptMinExamples;
    const stored = new Map(
      ((await this.db.query(STORED_MODELS, [DEFAULT_SHOP_ID])) as StoredModel[]).map((m) => [
        `${m.task} ${m.language}`,
        m,
      ]),
    );
    const { rated, stated } = await this.counts();
    const stale = (task: TextModelTask, language: string, n: number) => {
      const m = stored.get(`${task} ${language}`);
      return !m || Math.abs(n - m.labelled_texts) > RETRAIN_CHANGE * m.labelled_texts;
    };
    for (const { language, n } of rated) {
      if (n < min) continue;
      if (stale('sentiment', language, n)) await this.trainSentiment(language);
      await this.labelFeedback(language);
    }
    if (stated >= min) {
      if (stale('reasons', ALL_LANGUAGES, stated)) await this.trainReasons();
      await this.labelClaims();
    }
  }

  private async trainSentiment(language: string): Promise<void> {
    const started = Date.now();
    const rows: (Counted & { score: number | null; label: string | null })[] = await this.db.query(
      RATED_TEXTS,
      [DEFAULT_SHOP_ID, language, ADAPT_MAX_TEXTS],
    );
    const classes = [...SENTIMENT_CLASSES];
    const texts: LabelledText[] = rows.map((r) => ({
      text: r.text,
      priors: sentimentPriors(r.score, r.label),
      y: classes.indexOf(r.gold as (typeof classes)[number]),
    }));
    const fitted = await this.analyzer.adapt(texts, classes);
    const adaptedLabels = fitted.outOfFold.map((c) => classes[c] ?? null);
    const gold = expand(rows, (r) => r.gold);
    const adapted = binaryMacroF1(
      gold,
      expand(rows, (_, i) => adaptedLabels[i]),
    );
    const base = binaryMacroF1(
      gold,
      expand(rows, (r) => r.label),
    );
    // Agreement on the reviews whose stars say positive or negative.
    const polar = rows.filter((r) => r.gold !== 'neutral');
    const polarIdx = rows.map((r, i) => (r.gold !== 'neutral' ? i : -1)).filter((i) => i >= 0);
    const agreementOf = sum(polar.map((r) => r.n));
    const agree = (pred: (i: number) => string | null) =>
      agreementOf
        ? sum(polarIdx.map((i) => (pred(i) === rows[i].gold ? rows[i].n : 0))) / agreementOf
        : null;
    await this.save('sentiment', language, fitted.model, {
      labelled: sum(rows.map((r) => r.n)),
      adapted,
      base,
      adaptedAgreement: agree((i) => adaptedLabels[i]),
      baseAgreement: agree((i) => rows[i].label),
      agreementOf,
      ms: Date.now() - started,
    });
  }

  private async trainReasons(): Promise<void> {
    const started = Date.now();
    const all: (Counted & { code: string | null; confidence: number | null })[] =
      await this.db.query(STATED_TEXTS, [DEFAULT_SHOP_ID, ADAPT_MAX_TEXTS]);
    const perReason = new Map<string, number>();
    for (const r of all) perReason.set(r.gold, (perReason.get(r.gold) ?? 0) + r.n);
    const classes = [...perReason]
      .filter(([, n]) => n >= MIN_PER_REASON)
      .map(([code]) => code)
      .sort();
    const labelled = sum(all.map((r) => r.n));
    if (classes.length < 2) {
      await this.saveUnused(
        'reasons',
        ALL_LANGUAGES,
        classes,
        labelled,
        'fewer than two reasons stated often enough to learn',
      );
      return;
    }
    const rows = all.filter((r) => classes.includes(r.gold));
    const texts: LabelledText[] = rows.map((r) => ({
      text: r.text,
      priors: reasonPriors(r.code, r.confidence),
      keys: [`base ${r.code ?? 'none'}`],
      y: classes.indexOf(r.gold),
    }));
    const fitted = await this.analyzer.adapt(texts, classes);
    const adaptedCodes = fitted.outOfFold.map((c) => classes[c] ?? null);
    const gold = expand(rows, (r) => r.gold);
    const agreementOf = sum(rows.map((r) => r.n));
    const agree = (pred: (i: number) => string | null) =>
      sum(rows.map((r, i) => (pred(i) === r.gold ? r.n : 0))) / agreementOf;
    await this.save('reasons', ALL_LANGUAGES, fitted.model, {
      labelled,
      adapted: macroF1(
        gold,
        expand(rows, (_, i) => adaptedCodes[i]),
        classes,
      ),
      base: macroF1(
        gold,
        expand(rows, (r) => r.code),
        classes,
      ),
      adaptedAgreement: agree((i) => adaptedCodes[i]),
      baseAgreement: agree((i) => rows[i].code),
      agreementOf,
      ms: Date.now() - started,
    });
  }

  private async save(
    task: TextModelTask,
    language: string,
    model: LinearModel,
    figures: {
      labelled: number;
      adapted: number;
      base: number;
      adaptedAgreement: number | null;
      baseAgreement: number | null;
      agreementOf: number;
      ms: number;
    },
  ): Promise<void> {
    const gate = adaptationGate({
      examples: figures.labelled,
      adapted: figures.adapted,
      base: figures.base,
      minExamples: this.config.textAdaptMinExamples,
    });
    await this.db.query(SAVE_MODEL, [
      DEFAULT_SHOP_ID,
      task,
      language,
      model.classes,
      figures.labelled,
      figures.adapted,
      figures.base,
      figures.adaptedAgreement,
      figures.baseAgreement,
      figures.agreementOf,
      gate.use,
      gate.why,
      gate.use ? packModel(model) : null,
    ]);
    this.logger.log(
      `${task} model (${language}) from ${figures.labelled} labelled texts in ${figures.ms} ms: ${gate.why}; ${gate.use ? 'in use' : 'not used'}`,
    );
  }

  private async saveUnused(
    task: TextModelTask,
    language: string,
    classes: string[],
    labelled: number,
    why: string,
  ): Promise<void> {
    await this.db.query(SAVE_MODEL, [
      DEFAULT_SHOP_ID,
      task,
      language,
      classes,
      labelled,
      0,
      0,
      null,
      null,
      0,
      false,
      why,
      null,
    ]);
  }

  private async load(task: TextModelTask, language: string) {
    const [row] = (await this.db.query(MODEL_WEIGHTS, [DEFAULT_SHOP_ID, task, language])) as {
      version: number;
      classes: string[];
      weights: Buffer;
    }[];
    return row ? { version: row.version, model: unpackModel(row.weights, row.classes) } : null;
  }

  /** The language's unrated reviews labelled by its model in use, or given back to the shipped analysis. */
  private async labelFeedback(language: string): Promise<void> {
    const loaded = await this.load('sentiment', language);
    if (!loaded) {
      await this.restore(RESTORE_FEEDBACK, [DEFAULT_SHOP_ID, language], 'feedback');
      return;
    }
    const { version, model } = loaded;
    let after = '';
    for (;;) {
      const rows: {
        external_id: string;
        text: string;
        score: number | null;
        label: string | null;
      }[] = await this.db.query(UNRATED_PAGE, [DEFAULT_SHOP_ID, language, version, after, PAGE]);
      if (!rows.length) break;
      after = rows[rows.length - 1].external_id;
      const scores: number[] = [];
      const labels: string[] = [];
      for (const r of rows) {
        const p = predictLinear(model, textFeatures(r.text, sentimentPriors(r.score, r.label)));
        const at = (c: string) => p[model.classes.indexOf(c)] ?? 0;
        labels.push(model.classes[argmax(p)]);
        scores.push(Math.round((at('positive') - at('negative')) * 1e4) / 1e4);
      }
      const ids = rows.map((r) => r.external_id);
      await this.db.transaction(async (m) => {
        await m.query(LABEL_FEEDBACK, [DEFAULT_SHOP_ID, version, ids, scores, labels]);
        await this.rollups.refreshStored(
          this.queryable(m),
          'feedback',
          't.external_id = ANY({ids})',
          { ids },
        );
      });
    }
  }

  /** Claims without a stated reason: read by the reasons model where it is sure enough. */
  private async labelClaims(): Promise<void> {
    const loaded = await this.load('reasons', ALL_LANGUAGES);
    if (!loaded) {
      await this.restore(RESTORE_CLAIMS, [DEFAULT_SHOP_ID], 'claims');
      return;
    }
    const { version, model } = loaded;
    let after = '';
    for (;;) {
      const rows: {
        external_id: string;
        text: string;
        code: string | null;
        confidence: number | null;
      }[] = await this.db.query(UNSTATED_PAGE, [DEFAULT_SHOP_ID, version, after, PAGE]);
      if (!rows.length) break;
      after = rows[rows.length - 1].external_id;
      const codes: (string | null)[] = [];
      const confidences: (number | null)[] = [];
      const models: (number | null)[] = [];
      for (const r of rows) {
        const p = predictLinear(
          model,
          textFeatures(r.text, reasonPriors(r.code, r.confidence), [`base ${r.code ?? 'none'}`]),
        );
        const best = argmax(p);
        const sure = p[best] >= REASON_MIN_PROBABILITY;
        codes.push(sure ? model.classes[best] : r.code);
        confidences.push(sure ? Math.round(p[best] * 1e4) / 1e4 : r.confidence);
        models.push(sure ? version : null);
      }
      const ids = rows.map((r) => r.external_id);
      await this.db.transaction(async (m) => {
        const changed = await m.query(LABEL_CLAIMS, [
          DEFAULT_SHOP_ID,
          ids,
          codes,
          confidences,
          models,
        ]);
        if (updated(changed) > 0)
          await this.rollups.refreshStored(
            this.queryable(m),
            'claims',
            't.external_id = ANY({ids})',
            { ids },
          );
      });
    }
  }

  private async restore(
    sql: string,
    params: unknown[],
    kind: 'claims' | 'feedback',
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      const rows = (await m.query(sql, params)) as
        [{ external_id: string }[], number] | { external_id: string }[];
      const list = Array.isArray(rows[0])
        ? (rows[0] as { external_id: string }[])
        : (rows as { external_id: string }[]);
      if (list.length)
        await this.rollups.refreshStored(this.queryable(m), kind, 't.external_id = ANY({ids})', {
          ids: list.map((r) => r.external_id),
        });
    });
  }

  private queryable(m: EntityManager) {
    return { query: (sql: string, params?: unknown[]) => m.query(sql, params) };
  }
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const round = (v: number) => Math.round(v * 1000) / 1000;
const roundOrNull = (v: number | null) => (v === null ? null : round(v));

/** Per-row values repeated by each distinct text's count (figures count every review). */
function expand<T extends { n: number }, V>(
  rows: readonly T[],
  value: (row: T, i: number) => V,
): V[] {
  const out: V[] = [];
  rows.forEach((row, i) => {
    const v = value(row, i);
    for (let k = 0; k < row.n; k++) out.push(v);
  });
  return out;
}

/** Rows an UPDATE touched, from TypeORM's `[rows, count]` answer. */
function updated(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
