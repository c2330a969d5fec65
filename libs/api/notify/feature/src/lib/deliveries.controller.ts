import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Delivery } from '@returnlens/shared/contracts';
import type { AuthedRequest } from '@returnlens/api/auth/data-access';
import { DeliveryService, SubscriptionsStore } from '@returnlens/api/notify/data-access';
import { ApiAnswer, ApiErrorResponses } from '@returnlens/api/shared/util';
import { DeliveriesQueryDto, DeliveryListDto } from './dto/subscriptions.dto';
import {
  checkOwnerOrManager,
  managesOthers,
  noSuchSubscription,
  refuseOthers,
  selfId,
} from './notify-access';

/**
 * The delivery history (digests, tests, the command line, alerts), newest first: of one
 * subscription, of everything one subscribed to, or (owner/admin, `all=1`) the shop's.
 */
@ApiTags('notify')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly deliveries: DeliveryService,
    private readonly store: SubscriptionsStore,
  ) {}

  @Get()
  @ApiAnswer(DeliveryListDto, {
    description: 'Deliveries with their status, attempts and last error',
  })
  async list(
    @Query() { subscription, all, limit }: DeliveriesQueryDto,
    @Req() request: AuthedRequest,
  ): Promise<Delivery[]> {
    const principal = request.principal!;
    if (subscription) {
      const row = await this.store.get(subscription);
      if (!row) throw noSuchSubscription(subscription);
      checkOwnerOrManager(principal, row.userId, `read the deliveries of ${row.userName}`);
      return this.deliveries.list({ subscriptionId: subscription, userId: null, limit });
    }
    const self = selfId(principal);
    if (all || self === null) {
      if (!managesOthers(principal)) refuseOthers(principal, "read everyone's deliveries");
      return this.deliveries.list({ userId: null, limit });
    }
    return this.deliveries.list({ userId: self, limit });
  }
}
