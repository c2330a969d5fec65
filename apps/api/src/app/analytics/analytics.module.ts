import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';
import { ReportsController } from './reports.controller';
import { ResponseCache } from './response-cache';

@Module({
  controllers: [AnalyticsController, ReportsController],
  providers: [AnalyticsService, ResponseCache],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
