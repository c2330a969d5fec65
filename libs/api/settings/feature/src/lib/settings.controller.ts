import { BadRequestException, Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BusinessCalendarSettings, SlaPolicy } from '@returnlens/shared/contracts';
import { Allow } from '@returnlens/api/auth/data-access';
import { calendarSchema, issuesOf, slaPoliciesSchema } from '@returnlens/api/settings/data-access';
import { SettingsService } from '@returnlens/api/settings/data-access';

/** SLA policies and the business calendar; changing them recomputes the SLA rollups. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('sla-policies')
  @Allow('sla', 'settings')
  policies(): Promise<SlaPolicy[]> {
    return this.settings.policies();
  }

  @Put('sla-policies')
  @Allow('settings')
  async replacePolicies(@Body() body: unknown): Promise<SlaPolicy[]> {
    const parsed = slaPoliciesSchema.safeParse(body);
    if (!parsed.success)
      throw new BadRequestException({
        message: 'The SLA policies are not valid.',
        errors: issuesOf(parsed.error),
      });
    return this.settings.replacePolicies(parsed.data);
  }

  @Get('calendar')
  @Allow('sla', 'settings')
  calendar(): Promise<BusinessCalendarSettings> {
    return this.settings.calendar();
  }

  @Put('calendar')
  @Allow('settings')
  async replaceCalendar(@Body() body: unknown): Promise<BusinessCalendarSettings> {
    const parsed = calendarSchema.safeParse(body);
    if (!parsed.success)
      throw new BadRequestException({
        message: 'The calendar is not valid.',
        errors: issuesOf(parsed.error),
      });
    return this.settings.replaceCalendar(parsed.data);
  }
}
