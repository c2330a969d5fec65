import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AnswerCache, AnswerCacheInterceptor, CachedAnswerMiddleware } from './answer-cache';
import { DataVersion, FreshVersionAfterWrites } from './data-version';

/**
 * The API's one cache: the data version answers are keyed by, the answer cache with its
 * interceptor and its before-routing middleware. Needs an `AnswerAccess` provider (the auth
 * library's guard) to check access before it writes a stored answer.
 */
@Global()
@Module({
  providers: [
    DataVersion,
    AnswerCache,
    AnswerCacheInterceptor,
    CachedAnswerMiddleware,
    { provide: APP_INTERCEPTOR, useClass: FreshVersionAfterWrites },
  ],
  exports: [DataVersion, AnswerCache, AnswerCacheInterceptor, CachedAnswerMiddleware],
})
export class CacheModule {}
