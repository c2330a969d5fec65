import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  BusinessCalendarSettings,
  ReportingSettings,
  SlaPolicy,
} from '@returnlens/shared/contracts';
import {
  AccountsService,
  actorOf,
  Allow,
  type AuthedRequest,
} from '@returnlens/api/auth/data-access';
import { SettingsService } from '@returnlens/api/settings/data-access';
import { ApiAnswer, ApiErrorResponses, changesOf } from '@returnlens/api/shared/util';
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
 * that is not valid is refused with every problem listed (dto/settings.dto.ts). Every change
 * is recorded in the audit log: who, which settings, each value before and after.
 */
@ApiTags('settings')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller('settings')
export class SettingsController {
  constructor(
    private readonly settings: SettingsService,
    private readonly accounts: AccountsService,
  ) {}

  /** Stores a change through `replace` and records it, with what it changed, in the audit log. */
  private async changed<T>(
    request: AuthedRequest,
    target: string,
    before: T,
    replace: () => Promise<T>,
  ): Promise<T> {
    const stored = await replace();
    const changes = changesOf(before, stored);
    await this.accounts.audit(
      actorOf(request.principal),
      'settings_changed',
      target,
      request.ip,
      Object.keys(changes).length ? changes : undefined,
    );
    return stored;
  }

  @Get('sla-policies')
  @Allow('sla', 'settings')
  @ApiAnswer(SlaPolicyListDto)
  policies(): Promise<SlaPolicy[]> {
    return this.settings.policies();
  }

  @Put('sla-policies')
  @Allow('settings')
  @ApiAnswer(SlaPolicyListDto, { description: 'The list as stored; SLA figures recomputed' })
  async replacePolicies(
    @Body() policies: SlaPoliciesDto,
    @Req() request: AuthedRequest,
  ): Promise<SlaPolicy[]> {
    return this.changed(request, 'SLA policies', await this.settings.policies(), () =>
      this.settings.replacePolicies(policies),
    );
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
  async replaceCalendar(
    @Body() calendar: CalendarDto,
    @Req() request: AuthedRequest,
  ): Promise<BusinessCalendarSettings> {
    return this.changed(request, 'Business calendar', await this.settings.calendar(), () =>
      this.settings.replaceCalendar(calendar),
    );
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
  async replaceReporting(
    @Body() body: ReportingSettingsBodyDto,
    @Req() request: AuthedRequest,
  ): Promise<ReportingSettings> {
    return this.changed(request, 'Reporting', await this.settings.reporting(), () =>
      this.settings.replaceReporting(body),
    );
  }
}
