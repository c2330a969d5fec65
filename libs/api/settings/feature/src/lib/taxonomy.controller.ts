import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OwnChannel, OwnReason, ShopTaxonomy } from '@returnlens/shared/contracts';
import {
  AccountsService,
  actorOf,
  Allow,
  type AuthedRequest,
} from '@returnlens/api/auth/data-access';
import { TaxonomyService } from '@returnlens/api/settings/data-access';
import { ApiAnswer, ApiErrorResponses, changesOf } from '@returnlens/api/shared/util';
import {
  OwnChannelDto,
  OwnReasonDto,
  PlaceChannelDto,
  PlaceReasonDto,
  TaxonomyCodeParamsDto,
  TaxonomyDto,
} from './dto/taxonomy.dto';

/**
 * The shop's own reasons and channels, and the rules that place them among the built-in
 * categories and channels (docs/domain.md, "The shop's own taxonomy"). Every placement is
 * recorded in the audit log, with the place before and after.
 */
@ApiTags('settings')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller('settings/taxonomy')
export class TaxonomyController {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly accounts: AccountsService,
  ) {}

  private async audit(
    request: AuthedRequest,
    target: string,
    before: object | undefined,
    after: object,
  ): Promise<void> {
    const changes = changesOf(before, after);
    await this.accounts.audit(
      actorOf(request.principal),
      'settings_changed',
      target,
      request.ip,
      Object.keys(changes).length ? changes : undefined,
    );
  }

  @Get()
  @Allow('claims', 'settings')
  @ApiAnswer(TaxonomyDto)
  list(): Promise<ShopTaxonomy> {
    return this.taxonomy.taxonomy();
  }

  @Put('reasons/:code')
  @Allow('settings')
  @ApiErrorResponses(404)
  @ApiAnswer(OwnReasonDto, { description: 'The reason as placed; claim figures recomputed' })
  async placeReason(
    @Param() params: TaxonomyCodeParamsDto,
    @Body() body: PlaceReasonDto,
    @Req() request: AuthedRequest,
  ): Promise<OwnReason> {
    const before = (await this.taxonomy.taxonomy()).reasons.find((r) => r.code === params.code);
    const placed = await this.taxonomy.placeReason(params.code, body.category);
    await this.audit(
      request,
      `Own reason “${placed.label}”`,
      before && { category: before.category },
      { category: placed.category },
    );
    return placed;
  }

  @Put('channels/:code')
  @Allow('settings')
  @ApiErrorResponses(404)
  @ApiAnswer(OwnChannelDto, { description: 'The channel as placed' })
  async placeChannel(
    @Param() params: TaxonomyCodeParamsDto,
    @Body() body: PlaceChannelDto,
    @Req() request: AuthedRequest,
  ): Promise<OwnChannel> {
    const before = (await this.taxonomy.taxonomy()).channels.find((c) => c.code === params.code);
    const placed = await this.taxonomy.placeChannel(params.code, body.group);
    await this.audit(request, `Own channel “${placed.label}”`, before && { group: before.group }, {
      group: placed.group,
    });
    return placed;
  }
}
