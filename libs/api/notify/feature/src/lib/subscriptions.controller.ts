import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Delivery, Subscription } from '@returnlens/shared/contracts';
import {
  AccountsService,
  actorOf,
  type AuthedRequest,
  type Principal,
} from '@returnlens/api/auth/data-access';
import {
  DeliveryService,
  DigestBuilder,
  MessageRenderer,
  SubscriptionsStore,
  toSubscription,
  type SubscriptionRow,
} from '@returnlens/api/notify/data-access';
import {
  APP_CONFIG,
  ApiAnswer,
  ApiErrorResponses,
  type AppConfig,
} from '@returnlens/api/shared/util';
import { Inject } from '@nestjs/common';
import {
  DeliveryDto,
  SubscriptionBodyDto,
  SubscriptionChangeDto,
  SubscriptionDto,
  SubscriptionIdParamsDto,
  SubscriptionListDto,
  SubscriptionListQueryDto,
  targetProblem,
} from './dto/subscriptions.dto';
import {
  checkDigestRole,
  checkOwnerOrManager,
  managesOthers,
  noSuchSubscription,
  refuseOthers,
  selfId,
} from './notify-access';

/** Where a message goes, for the audit log: the address, or only the webhook's origin (its path may be a secret). */
function auditTarget(row: Pick<SubscriptionRow, 'channel' | 'target'>): string {
  if (row.channel === 'email') return row.target;
  try {
    return `${new URL(row.target).origin}/…`;
  } catch {
    return 'webhook';
  }
}

/**
 * Digest subscriptions: everyone manages their own; owners and admins everyone's. Creating
 * and deleting are recorded in the audit log. `test` sends the digest now and answers the
 * delivery; `preview` answers the digest's HTML as it would be sent.
 */
@ApiTags('notify')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly store: SubscriptionsStore,
    private readonly deliveries: DeliveryService,
    private readonly renderer: MessageRenderer,
    private readonly digests: DigestBuilder,
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiAnswer(SubscriptionListDto, {
    description: "Your subscriptions; with all=1 (owner/admin) everyone's",
  })
  async list(
    @Query() { all }: SubscriptionListQueryDto,
    @Req() request: AuthedRequest,
  ): Promise<Subscription[]> {
    const principal = request.principal!;
    const self = selfId(principal);
    if (all || self === null) {
      if (!managesOthers(principal)) refuseOthers(principal, "list everyone's subscriptions");
      return (await this.store.list()).map((row) =>
        toSubscription(row, self, this.config.shopTimeZone),
      );
    }
    return (await this.store.list(self)).map((row) =>
      toSubscription(row, self, this.config.shopTimeZone),
    );
  }

  @Post()
  @ApiAnswer(SubscriptionDto, { status: 201, description: 'Created; its next slot computed' })
  @ApiErrorResponses(404)
  async create(
    @Body() body: SubscriptionBodyDto,
    @Req() request: AuthedRequest,
  ): Promise<Subscription> {
    const principal = request.principal!;
    const self = selfId(principal);
    const userId = body.userId ?? self;
    if (userId === null)
      throw new BadRequestException({
        field: 'userId',
        message: 'An API token has no subscriptions of its own: name the user in userId.',
      });
    checkOwnerOrManager(principal, userId, 'subscribe someone else');
    const user = await this.accounts.getUser(userId);
    if (!user || user.disabledAt) throw new NotFoundException(`No active user ${userId}.`);
    checkDigestRole(principal, user, body.role);
    const { userId: _, ...input } = body;
    const row = await this.store.create(userId, input);
    await this.accounts.audit(
      actorOf(principal),
      'subscription_created',
      `subscription ${row.id}`,
      request.ip,
      {
        user: user.email,
        role: row.role,
        channel: row.channel,
        target: auditTarget(row),
      },
    );
    return toSubscription(row, self, this.config.shopTimeZone);
  }

  @Patch(':id')
  @ApiAnswer(SubscriptionDto, { description: 'The subscription as changed' })
  @ApiErrorResponses(404)
  async update(
    @Param() { id }: SubscriptionIdParamsDto,
    @Body() body: SubscriptionChangeDto,
    @Req() request: AuthedRequest,
  ): Promise<Subscription> {
    const principal = request.principal!;
    const row = await this.owned(id, principal, 'change');
    const problem = targetProblem(body.channel ?? row.channel, body.target ?? row.target);
    if (problem) throw new BadRequestException({ field: 'target', message: problem });
    if (body.role && body.role !== row.role) {
      const user = await this.accounts.getUser(row.userId);
      if (!user) throw noSuchSubscription(id);
      checkDigestRole(principal, user, body.role);
    }
    const changed = await this.store.update(id, body);
    if (!changed) throw noSuchSubscription(id);
    await this.accounts.audit(
      actorOf(principal),
      'subscription_changed',
      `subscription ${id}`,
      request.ip,
      {
        ...body,
        ...(body.target ? { target: auditTarget(changed) } : {}),
      },
    );
    return toSubscription(changed, selfId(principal), this.config.shopTimeZone);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Deleted, with its delivery history' })
  @ApiErrorResponses(404)
  async remove(
    @Param() { id }: SubscriptionIdParamsDto,
    @Req() request: AuthedRequest,
  ): Promise<void> {
    const principal = request.principal!;
    const row = await this.owned(id, principal, 'delete');
    if (!(await this.store.remove(id))) throw noSuchSubscription(id);
    await this.accounts.audit(
      actorOf(principal),
      'subscription_deleted',
      `subscription ${id}`,
      request.ip,
      {
        user: row.userEmail,
        role: row.role,
        channel: row.channel,
        target: auditTarget(row),
      },
    );
  }

  @Post(':id/test')
  @ApiAnswer(DeliveryDto, {
    status: 201,
    description: 'Sent now (or failed: see status and error)',
  })
  @ApiErrorResponses(404)
  async test(
    @Param() { id }: SubscriptionIdParamsDto,
    @Req() request: AuthedRequest,
  ): Promise<Delivery> {
    const row = await this.owned(id, request.principal!, 'test');
    return this.deliveries.sendNow({
      trigger: 'test',
      channel: row.channel,
      target: row.target,
      secret: row.secret,
      slot: new Date(),
      subscriptionId: row.id,
    });
  }

  @Get(':id/preview')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiResponse({
    status: 200,
    description: 'The digest as it would be sent now (its HTML part)',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiErrorResponses(404)
  async preview(
    @Param() { id }: SubscriptionIdParamsDto,
    @Req() request: AuthedRequest,
  ): Promise<string> {
    const row = await this.owned(id, request.principal!, 'preview');
    const message = await this.digests.build({
      role: row.role,
      filters: row.filters,
      since: row.lastRunAt,
      publicUrl: this.config.notify.publicUrl,
      unsubscribeUrl: this.renderer.unsubscribeUrl(row.unsubscribeToken),
      attachPdf: false,
      attachCsv: false,
      userId: row.userId,
    });
    return message.html;
  }

  /** The subscription, if the caller may act on it: 404 when missing, 403 when someone else's. */
  private async owned(id: string, principal: Principal, what: string): Promise<SubscriptionRow> {
    const row = await this.store.get(id);
    if (!row) throw noSuchSubscription(id);
    checkOwnerOrManager(principal, row.userId, `${what} the subscription of ${row.userName}`);
    return row;
  }
}
