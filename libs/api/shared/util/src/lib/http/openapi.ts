import type { INestApplication } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiQuery, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { FILTER_KEYS } from '@returnlens/shared/contracts';

const FILTER_HELP: Record<(typeof FILTER_KEYS)[number], string> = {
  supplier: 'Supplier external ids, comma-separated',
  product: 'SKUs, comma-separated',
  category: 'Product categories, comma-separated',
  channel: 'phone, email, web_form, chat, marketplace, store',
  type: 'return, return_defective, exchange, warranty_repair, complaint',
  reasonCategory: 'Reason categories (product_quality, listing_accuracy, …)',
  reason: 'Reason codes (product_defect, wrong_size, …)',
  language: 'Feedback languages (ISO 639-1: en, ru, pl, he, pt, de, …)',
};

/** The filters and formats every analytics endpoint takes, for the OpenAPI description. */
export function ApiAnalyticsQuery(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'from',
      required: false,
      description: 'First ISO week (2026-W07) or a date in it',
    }),
    ApiQuery({
      name: 'to',
      required: false,
      description: 'Last ISO week or a date in it; default: latest complete week with data',
    }),
    ...FILTER_KEYS.map((name) =>
      ApiQuery({ name, required: false, description: FILTER_HELP[name] }),
    ),
    ApiQuery({
      name: 'format',
      required: false,
      enum: ['json', 'csv', 'arrow'],
      description: 'Answer format (or send Accept: text/csv / application/vnd.apache.arrow.stream)',
    }),
    ApiQuery({
      name: 'table',
      required: false,
      description: 'For csv/arrow: which list of the answer to export (default: the first)',
    }),
  );
}

/** The OpenAPI description of the whole API at /api/docs (JSON at /api/docs-json). */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Returnlens API')
    .setDescription(
      'Ingestion of claims, feedback, sales and the catalogue; analytics of return causes, supplier defect rates, SLAs and sentiment. Metric definitions: GET /api/analytics/definitions.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'API token (npm run token -- create)',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
