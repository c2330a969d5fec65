import { IsOptional, Matches } from 'class-validator';

export class WeeklyReportQueryDto {
  /** ISO week such as `2026-W47`; default: the latest complete week. */
  @IsOptional()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'week must be an ISO week such as 2026-W07' })
  week?: string;
}
