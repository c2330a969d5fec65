import { Controller, Get, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Request } from 'express';
import type { MetricDefinition, UiLanguage } from '@returnlens/shared/contracts';
import { langParam, metricDefinitionsIn } from '@returnlens/api/analytics/util';
import type { AuthedRequest } from '@returnlens/api/auth/data-access';
import { ApiErrorResponses, ApiTabularAnswer, requestLanguage } from '@returnlens/api/shared/util';
import { MetricDefinitionsDto } from './dto/analytics-response.dto';
import { TabularInterceptor } from './tabular.interceptor';

class DefinitionsQueryDto extends createZodDto(
  z.object({
    lang: langParam,
    format: z
      .string()
      .optional()
      .meta({ description: 'Answer format: json (default), csv or arrow' }),
    table: z.string().optional().meta({ description: 'For csv/arrow: the list to export' }),
  }),
) {}

/**
 * What every metric means ("why this number"), in the caller's language: `?lang=`, else the
 * signed-in user's, else `Accept-Language`, else the shop's default. Apart from the other
 * analytics questions: it reads no data, and its answer depends on the language, which the
 * answer cache does not key on.
 */
@ApiTags('analytics')
@ApiErrorResponses(400, 401, 403)
@Controller('analytics')
@UseInterceptors(TabularInterceptor)
export class DefinitionsController {
  @Get('definitions')
  @ApiTabularAnswer(MetricDefinitionsDto)
  definitions(
    @Query() _query: DefinitionsQueryDto,
    @Req() request: Request,
  ): { language: UiLanguage; metrics: MetricDefinition[] } {
    const language = requestLanguage(request as AuthedRequest);
    return { language, metrics: metricDefinitionsIn(language) };
  }
}
