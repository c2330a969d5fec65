import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';
import { ReportsController } from './reports.controller';
import { AnswerCache, CachedAnswerMiddleware, ResponseCache } from './response-cache';

@Module({
  controllers: [AnalyticsController, ReportsController],
  providers: [AnalyticsService, AnswerCache, ResponseCache],
  exports: [AnalyticsService],
})
export class AnalyticsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CachedAnswerMiddleware).forRoutes(AnalyticsController, ReportsController);
  }
}
