import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AlertRule, AlertRuleInput } from '@returnlens/shared/contracts';
import {
  AccountsService,
  actorOf,
  callerWords,
  type AuthedRequest,
  type Principal,
} from '@returnlens/api/auth/data-access';
import {
  AlertRuleError,
  AlertsService,
  type AlertCaller,
} from '@returnlens/api/notify/data-access';
import { ApiAnswer, ApiErrorResponses } from '@returnlens/api/shared/util';
import {
  AlertEventListDto,
  AlertEventsQueryDto,
  AlertIdParamsDto,
  AlertListQueryDto,
  AlertRuleBodyDto,
  AlertRuleChangeDto,
  AlertRuleDto,
  AlertRuleListDto,
} from './dto/alerts.dto';
import { targetProblem } from './dto/subscriptions.dto';

function callerOf(principal: Principal): AlertCaller {
  return {
    userId: principal.kind === 'session' ? principal.id : null,
    permissions: principal.permissions,
    manageAll: principal.permissions.includes('admin'),
  };
}

/** Where alerts go, for the audit log: the address, or only the webhook's origin (its path may be a secret). */
function auditTarget(rule: Pick<AlertRule, 'channel' | 'target'>): string {
  if (rule.channel === 'email') return rule.target;
  try {
    return new URL(rule.target).origin;
  } catch {
    return 'webhook';
  }
}

/**
 * The caller, for a list: everyone's rules (`all`, or an API token, which has none of its own)
 * only for an owner or admin.
 */
function listCaller(principal: Principal, all: boolean): { caller: AlertCaller; all: boolean } {
  const caller = callerOf(principal);
  if ((all || caller.userId === null) && !caller.manageAll)
    throw new ForbiddenException(
      `${callerWords(principal)} cannot list everyone's alert rules: someone else's rules are managed by an owner or admin.`,
    );
  return { caller, all: all || caller.userId === null };
}

/** A refused rule as the error contract: 400 or 403 naming the field. */
function refused(error: unknown): never {
  if (error instanceof AlertRuleError) {
    const body = { field: error.field, message: error.message };
    throw error.status === 403 ? new ForbiddenException(body) : new BadRequestException(body);
  }
  throw error;
}

/**
 * Alert rules (docs/notifications.md, "Alerts"): every signed-in user for their own rules,
 * owners and admins for everyone's (`?all=1`). A rule watches only a figure its owner may see
 * on the dashboard (a buyer cannot watch SLA attainment).
 */
@ApiTags('notify')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly accounts: AccountsService,
  ) {}

  @Get()
  @ApiAnswer(AlertRuleListDto, {
    description: "Your alert rules (owner/admin with all=1: everyone's), newest first",
  })
  list(@Query() query: AlertListQueryDto, @Req() request: AuthedRequest): Promise<AlertRule[]> {
    const { caller, all } = listCaller(request.principal!, query.all);
    return this.alerts.list(caller, all);
  }

  @Get('events')
  @ApiAnswer(AlertEventListDto, {
    description: 'The latest events of your rules (owner/admin with all=1: of every rule)',
  })
  events(@Query() query: AlertEventsQueryDto, @Req() request: AuthedRequest) {
    const { caller, all } = listCaller(request.principal!, query.all);
    return this.alerts.events(caller, all, query.limit);
  }

  @Post()
  @ApiAnswer(AlertRuleDto, {
    status: 201,
    description: 'The rule as created (a webhook rule with its secret)',
  })
  async create(@Body() body: AlertRuleBodyDto, @Req() request: AuthedRequest): Promise<AlertRule> {
    const principal = request.principal!;
    const caller = callerOf(principal);
    const { userId, ...input } = body;
    try {
      const owner = await this.alerts.owner(caller, principal.roles, userId);
      const created = await this.alerts.create(caller, input as AlertRuleInput, owner);
      await this.accounts.audit(
        actorOf(principal),
        'alert_rule_created',
        `alert rule ${created.id}`,
        request.ip,
        {
          user: created.userId,
          metric: created.metric,
          kind: created.kind,
          channel: created.channel,
          target: auditTarget(created),
        },
      );
      return created;
    } catch (error) {
      refused(error);
    }
  }

  @Patch(':id')
  @ApiAnswer(AlertRuleDto, { description: 'The rule as changed' })
  @ApiErrorResponses(404)
  async update(
    @Param() { id }: AlertIdParamsDto,
    @Body() body: AlertRuleChangeDto,
    @Req() request: AuthedRequest,
  ): Promise<AlertRule> {
    const caller = callerOf(request.principal!);
    const current = await this.alerts.visible(caller, id);
    if (!current) throw new NotFoundException('No such alert rule.');
    const problem = targetProblem(body.channel ?? current.channel, body.target ?? current.target);
    if (problem) throw new BadRequestException({ field: 'target', message: problem });
    try {
      const changed = await this.alerts.update(caller, current, body);
      await this.accounts.audit(
        actorOf(request.principal),
        'alert_rule_changed',
        `alert rule ${id}`,
        request.ip,
        {
          ...body,
          ...(body.target ? { target: auditTarget(changed) } : {}),
        },
      );
      return changed;
    } catch (error) {
      refused(error);
    }
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Deleted, with its events' })
  @ApiErrorResponses(404)
  async remove(@Param() { id }: AlertIdParamsDto, @Req() request: AuthedRequest): Promise<void> {
    const caller = callerOf(request.principal!);
    const current = await this.alerts.visible(caller, id);
    if (!current || !(await this.alerts.remove(current.id)))
      throw new NotFoundException('No such alert rule.');
    await this.accounts.audit(
      actorOf(request.principal),
      'alert_rule_deleted',
      `alert rule ${id}`,
      request.ip,
      {
        user: current.userId,
        metric: current.metric,
        channel: current.channel,
        target: auditTarget(current),
      },
    );
  }
}
