import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  BusinessCalendarSettings,
  ReportingSettings,
  SlaPolicy,
} from '@returnlens/shared/contracts';
import { Allow } from '@returnlens/api/auth/data-access';
import { SettingsService } from '@returnlens/api/settings/data-access';
import { ApiAnswer, ApiErrorResponses } from '@returnlens/api/shared/util';
import {
  BusinessCalendarDto,
  CalendarDto,
  ReportingSettingsBodyDto,
  ReportingSettingsDto,
  SlaPoliciesDto,
  SlaPolicyListDto,
} from './dto/settings.dto';

/**
 * SLA policies and the business calendar; changing them recomputes the SLA rollups. A body
 * that is not valid is refused with every problem listed (dto/settings.dto.ts).
 */
@ApiTags('settings')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('sla-policies')
  @Allow('sla', 'settings')
  @ApiAnswer(SlaPolicyListDto)
  policies(): Promise<SlaPolicy[]> {
    return this.settings.policies();
  }

  @Put('sla-policies')
  @Allow('settings')
  @ApiAnswer(SlaPolicyListDto, { description: 'The list as stored; SLA figures recomputed' })
  replacePolicies(@Body() policies: SlaPoliciesDto): Promise<SlaPolicy[]> {
    return this.settings.replacePolicies(policies);
  }

  @Get('calendar')
  @Allow('sla', 'settings')
  @ApiAnswer(BusinessCalendarDto)
  calendar(): Promise<BusinessCalendarSettings> {
    return this.settings.calendar();
  }

  @Put('calendar')
  @Allow('settings')
  @ApiAnswer(BusinessCalendarDto, { description: 'The calendar as stored; SLA figures recomputed' })
  replaceCalendar(@Body() calendar: CalendarDto): Promise<BusinessCalendarSettings> {
    return this.settings.replaceCalendar(calendar);
  }

  /** The return window (cohort maturity) and the case-study targets. */
  @Get('reporting')
  @Allow('claims', 'suppliers', 'settings')
  @ApiAnswer(ReportingSettingsDto)
  reporting(): Promise<ReportingSettings> {
    return this.settings.reporting();
  }

  @Put('reporting')
  @Allow('settings')
  @ApiAnswer(ReportingSettingsDto, { description: 'The settings as stored; figures recomputed' })
  replaceReporting(@Body() body: ReportingSettingsBodyDto): Promise<ReportingSettings> {
    return this.settings.replaceReporting(body);
  }
}
