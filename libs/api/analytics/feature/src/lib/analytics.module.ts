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
import { AnalyticsController } from './analytics.controller';
import { MoneyController } from './money.controller';
import { ReportsController } from './reports.controller';

/** The dashboard's questions: one query class each, answered through the answer cache. */
@Module({
  controllers: [AnalyticsController, MoneyController, ReportsController],
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
