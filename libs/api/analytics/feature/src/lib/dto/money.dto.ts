import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  RESOLUTION_OUTCOMES,
  type CostOfQualityRow,
  type MoneyReport,
  type MoneyWeekRow,
  type ResolutionAmountRow,
  type ResolutionReasonRow,
  type ResolutionsReport,
  type ResolutionSupplierRow,
  type ResolutionWeekRow,
  type SupplierResolutionsReport,
} from '@returnlens/shared/contracts';
import { describes } from '@returnlens/api/shared/util';
import { period } from './analytics-response.dto';

// The answers of the money and resolution routes (contracts: money.ts), checked against
// their interfaces at compile time.

const count = z.number().int();
const amount = z.number().describe('In the row’s currency, to the cent');
const resolution = z.enum(RESOLUTION_OUTCOMES);

const mix = {
  resolution,
  claims: count,
  units: count,
  share: z.number().describe('claims ÷ all claims of the group'),
};

const weekRow = describes<ResolutionWeekRow>()(
  z.object({
    week: z.string().describe('Monday of the opening week, YYYY-MM-DD'),
    complete: z.boolean().describe('false: the week is not over'),
    ...mix,
  }),
);
const reasonRow = describes<ResolutionReasonRow>()(
  z.object({ reasonCode: z.string(), reasonLabel: z.string(), ...mix }),
);
const supplierRow = describes<ResolutionSupplierRow>()(
  z.object({ supplierId: z.string(), supplierName: z.string(), ...mix }),
);
const amountRow = describes<ResolutionAmountRow>()(
  z.object({
    resolution,
    currency: z.string(),
    claims: count,
    refunds: count,
    refundAmount: amount,
    costClaims: count,
    costAmount: amount,
  }),
);

export const resolutionsReportSchema = describes<ResolutionsReport>()(
  z.object({
    period,
    weekly: z.array(weekRow),
    byReason: z.array(reasonRow),
    bySupplier: z.array(supplierRow),
    amounts: z.array(amountRow),
  }),
);

export const supplierResolutionsSchema = describes<SupplierResolutionsReport>()(
  z.object({ period, bySupplier: z.array(supplierRow) }),
);

const moneyWeekRow = describes<MoneyWeekRow>()(
  z.object({
    week: z.string(),
    complete: z.boolean(),
    currency: z.string(),
    refunds: count,
    refundAmount: amount,
    costClaims: count,
    costAmount: amount,
  }),
);

const costRow = describes<CostOfQualityRow>()(
  z.object({
    key: z.string(),
    label: z.string(),
    currency: z.string(),
    claims: count,
    refunds: count,
    refundAmount: amount,
    costClaims: count,
    costAmount: amount,
    total: amount,
  }),
);

export const moneyReportSchema = describes<MoneyReport>()(
  z.object({
    period,
    currencies: z.array(z.string()),
    weekly: z.array(moneyWeekRow),
    bySupplier: z.array(costRow),
    byProduct: z.array(costRow),
    byReason: z.array(costRow),
  }),
);

export class ResolutionsReportDto extends createZodDto(resolutionsReportSchema) {}
export class SupplierResolutionsReportDto extends createZodDto(supplierResolutionsSchema) {}
export class MoneyReportDto extends createZodDto(moneyReportSchema) {}
