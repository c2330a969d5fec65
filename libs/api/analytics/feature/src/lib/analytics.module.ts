import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import {
  AnalyticsReader,
  FeedbackQuery,
  KpisQuery,
  MoneyQuery,
  MoversQuery,
  ParetoQuery,
  RecordsQuery,
  ReturnsQuery,
  ScorecardsQuery,
  SlaQuery,
  TextQuery,
  WeeklyQuery,
} from '@returnlens/api/analytics/data-access';
import { CachedAnswerMiddleware } from '@returnlens/api/shared/cache';
import { EnrichModule } from '@returnlens/api/enrich/data-access';
import { AnalyticsController } from './analytics.controller';
import { DefinitionsController } from './definitions.controller';
import { MoneyController } from './money.controller';
import { ReportsController } from './reports.controller';
import { TextModelsController } from './text-models.controller';

/** The dashboard's questions: one query class each, answered through the answer cache. */
@Module({
  imports: [EnrichModule],
  controllers: [
    AnalyticsController,
    DefinitionsController,
    MoneyController,
    ReportsController,
    TextModelsController,
  ],
  providers: [
    AnalyticsReader,
    FeedbackQuery,
    KpisQuery,
    MoneyQuery,
    MoversQuery,
    ParetoQuery,
    RecordsQuery,
    ReturnsQuery,
    ScorecardsQuery,
    SlaQuery,
    TextQuery,
    WeeklyQuery,
  ],
  exports: [WeeklyQuery, SlaQuery],
})
export class AnalyticsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(CachedAnswerMiddleware)
      .forRoutes(AnalyticsController, MoneyController, ReportsController);
  }
}
