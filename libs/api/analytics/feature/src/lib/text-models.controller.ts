import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow } from '@returnlens/api/auth/data-access';
import { ShopTextModels } from '@returnlens/api/enrich/data-access';
import { ApiAnswer, ApiErrorResponses } from '@returnlens/api/shared/util';
import { TextModelsReportDto } from './dto/analytics-response.dto';

/**
 * Which model reads the shop's texts (docs/text-analysis.md, "What the shop's own data
 * teaches"): the models adapted to its rated reviews and stated reasons, how well each agrees
 * with the shop's own labels, and whether it is used. Not cached: a model retrained in the
 * background changes the answer without changing the data.
 */
@ApiTags('analytics')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller('text-models')
export class TextModelsController {
  constructor(private readonly models: ShopTextModels) {}

  @Get()
  @Allow('feedback')
  @ApiAnswer(TextModelsReportDto)
  report() {
    return this.models.report();
  }
}
