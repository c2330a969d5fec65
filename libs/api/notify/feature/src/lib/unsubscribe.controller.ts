import {
  Controller,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExtraModels, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DIGEST_ROLE_LABELS, type DigestRole } from '@returnlens/shared/contracts';
import { Public } from '@returnlens/api/auth/data-access';
import { SubscriptionsStore } from '@returnlens/api/notify/data-access';
import { ApiErrorResponses } from '@returnlens/api/shared/util';
import { UnsubscribeTokenParamsDto, UnsubscribedDto } from './dto/subscriptions.dto';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A small page in the digest's look: no script, inline styles, everything escaped. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Returnlens</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1f2933;">
<h1 style="font-size: 1.4rem;">${escapeHtml(title)}</h1>${body}</body></html>`;
}

/**
 * The unsubscribe link of every message (public: the token is the key). GET shows what it
 * stops and a button; POST — the button, or a mail client's one-click unsubscribe
 * (RFC 8058, `List-Unsubscribe-Post`) — pauses the subscription or alert rule and marks it
 * unsubscribed. It can be resumed on the Subscriptions page.
 */
@ApiTags('notify')
@ApiErrorResponses(400, 401, 403, 404, 503)
@Public()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly store: SubscriptionsStore) {}

  @Get(':token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiResponse({
    status: 200,
    description: 'A page naming what the link stops, with the unsubscribe button',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  async show(@Param() { token }: UnsubscribeTokenParamsDto): Promise<string> {
    const found = await this.store.describeToken(token);
    if (!found)
      throw new NotFoundException('This unsubscribe link is not known (it may have been deleted).');
    const what =
      found.kind === 'subscription'
        ? `the digest “${DIGEST_ROLE_LABELS[found.label as DigestRole] ?? found.label}”`
        : `the alert “${found.label}”`;
    const state = found.paused ? '<p>It is paused already.</p>' : '';
    return page(
      'Unsubscribe',
      `<p>Stop sending ${escapeHtml(what)} to <strong>${escapeHtml(found.target)}</strong>?</p>${state}
<form method="post" action="${escapeHtml(encodeURIComponent(token))}"><button type="submit"
 style="font-size: 1rem; padding: 0.5rem 1rem; background: #b42318; color: #fff; border: 0; border-radius: 4px; cursor: pointer;">Unsubscribe</button></form>`,
    );
  }

  @Post(':token')
  @HttpCode(200)
  @ApiExtraModels(UnsubscribedDto.Output)
  @ApiResponse({
    status: 200,
    description: 'Paused and marked unsubscribed (JSON; a browser gets a page)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(UnsubscribedDto.Output) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  async unsubscribe(
    @Param() { token }: UnsubscribeTokenParamsDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UnsubscribedDto | string> {
    const done = await this.store.unsubscribe(token);
    if (!done)
      throw new NotFoundException('This unsubscribe link is not known (it may have been deleted).');
    if ((request.headers.accept ?? '').includes('text/html')) {
      response.type('html');
      return page(
        'Unsubscribed',
        `<p>You will not receive these messages any more. You can resume them on the Subscriptions page of Returnlens.</p>`,
      );
    }
    return { unsubscribed: true, kind: done.kind, id: done.id };
  }
}
