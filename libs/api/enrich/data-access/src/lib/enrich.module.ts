import { Module } from '@nestjs/common';
import { EnrichService } from './enrich.service';

/** Language, sentiment, aspects and inferred reasons from free text (libs/shared/text). */
@Module({ providers: [EnrichService], exports: [EnrichService] })
export class EnrichModule {}
