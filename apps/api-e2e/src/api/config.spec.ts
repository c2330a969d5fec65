import { runApiToExit } from '@returnlens/tools/testing';

describe('configuration', () => {
  it('stops with a message naming every bad setting', async () => {
    const result = await runApiToExit({
      PORT: 'eighty',
      SHOP_TIMEZONE: 'Mars/Base',
      DEMO_DATA: 'maybe',
    });
    expect(result.code).toBe(2);
    expect(result.output).toContain('Invalid configuration');
    expect(result.output).toContain('PORT="eighty": must be a number');
    expect(result.output).toContain('SHOP_TIMEZONE="Mars/Base"');
    expect(result.output).toContain('DEMO_DATA="maybe"');
  });

  it('names DATABASE_URL when it is not a PostgreSQL URL', async () => {
    const result = await runApiToExit({ DATABASE_URL: 'mysql://localhost/shop' });
    expect(result.code).toBe(2);
    expect(result.output).toContain(
      'DATABASE_URL="mysql://localhost/shop": must start with postgres://',
    );
  });
});
