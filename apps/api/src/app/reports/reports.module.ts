import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { WeeklyReportService } from './weekly-report.service';

@Module({ controllers: [ReportsController], providers: [WeeklyReportService] })
export class ReportsModule {}
