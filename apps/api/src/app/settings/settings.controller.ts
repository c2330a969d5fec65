import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BusinessCalendarSettings, SlaPolicy } from '@returnlens/shared/contracts';
import { RequireScope, TokenGuard } from '../auth/token.guard';
import { calendarSchema, issuesOf, slaPoliciesSchema } from './settings.schemas';
import { SettingsService } from './settings.service';

/** SLA policies and the business calendar; changing them recomputes the SLA rollups. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
@UseGuards(TokenGuard)
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('sla-policies')
  policies(): Promise<SlaPolicy[]> {
    return this.settings.policies();
  }

  @Put('sla-policies')
  @RequireScope('admin')
  async replacePolicies(@Body() body: unknown): Promise<SlaPolicy[]> {
    const parsed = slaPoliciesSchema.safeParse(body);
    if (!parsed.success)
      throw new BadRequestException({ message: 'The SLA policies are not valid.', errors: issuesOf(parsed.error) });
    return this.settings.replacePolicies(parsed.data);
  }

  @Get('calendar')
  calendar(): Promise<BusinessCalendarSettings> {
    return this.settings.calendar();
  }

  @Put('calendar')
  @RequireScope('admin')
  async replaceCalendar(@Body() body: unknown): Promise<BusinessCalendarSettings> {
    const parsed = calendarSchema.safeParse(body);
    if (!parsed.success)
      throw new BadRequestException({ message: 'The calendar is not valid.', errors: issuesOf(parsed.error) });
    return this.settings.replaceCalendar(parsed.data);
  }
}
