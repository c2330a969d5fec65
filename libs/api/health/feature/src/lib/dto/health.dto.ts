import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { HealthReport } from '@returnlens/shared/contracts';
import { describes } from '@returnlens/api/shared/util';

export const healthReportSchema = describes<HealthReport>()(
  z.object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({
      reachable: z.boolean(),
      mode: z.enum(['embedded', 'external']),
      serverVersion: z.string().nullable(),
      error: z.string().optional().describe('Why the database cannot be reached'),
    }),
    migrations: z.object({
      applied: z.array(z.string()),
      pending: z.array(z.string()),
      upToDate: z.boolean(),
    }),
  }),
);

export class HealthReportDto extends createZodDto(healthReportSchema) {}
