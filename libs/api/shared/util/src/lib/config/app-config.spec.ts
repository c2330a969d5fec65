import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({}, [], '/srv/returnlens');
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/returnlens/.data',
      embeddedPgPort: undefined,
      demoData: true,
      shopTimeZone: 'UTC',
      webDist: '/srv/returnlens/dist/apps/web/browser',
      loginRateLimit: 10,
      ingestRateLimit: 120,
      cookieSecure: 'auto',
      apiDocs: 'auto',
      ingestMaxUploads: 3,
      ingestStallSeconds: 60,
      ingestRejectedRowsKept: 10_000,
      ingestInlineAnalysisMax: 20_000,
      textAdaptMinExamples: 300,
      textAdapt: true,
      answerWarm: true,
      notify: {
        enabled: true,
        smtpUrl: undefined,
        smtpFrom: 'Returnlens <returnlens@localhost>',
        publicUrl: 'http://localhost:3000',
        intervalSeconds: 60,
        alertIntervalSeconds: 900,
        retryBaseSeconds: 30,
        sendingTimeoutSeconds: 300,
        holdBeforeSendMs: 0,
      },
    });
  });

  it('reads the notification settings and names a bad SMTP_URL', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtp://user:pw@mail.example:587',
        PUBLIC_URL: 'https://returns.example/',
        NOTIFY: 'off',
        NOTIFY_INTERVAL_SECONDS: '1',
      }).notify,
    ).toMatchObject({
      enabled: false,
      smtpUrl: 'smtp://user:pw@mail.example:587',
      publicUrl: 'https://returns.example',
      intervalSeconds: 1,
    });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(
      'SMTP_URL="http://mail.example": must start with smtp:// or smtps://',
    );
  });

  it('bounds uploads: at most 8 at once, a stall of at least a second, a cap of 0 or more rows', () => {
    expect(
      loadConfig({
        INGEST_MAX_UPLOADS: '2',
        INGEST_STALL_SECONDS: '5',
        INGEST_REJECTED_ROWS_KEPT: '0',
      }),
    ).toMatchObject({ ingestMaxUploads: 2, ingestStallSeconds: 5, ingestRejectedRowsKept: 0 });
    expect(() => loadConfig({ INGEST_MAX_UPLOADS: '10' })).toThrow(
      'INGEST_MAX_UPLOADS="10": must be between 1 and 8 (the database pool has 10 connections)',
    );
    expect(() => loadConfig({ INGEST_STALL_SECONDS: '0' })).toThrow(
      'INGEST_STALL_SECONDS="0": must be at least 1',
    );
    expect(() => loadConfig({ INGEST_REJECTED_ROWS_KEPT: 'many' })).toThrow(
      'INGEST_REJECTED_ROWS_KEPT="many": must be a number',
    );
  });

  it('reads every setting', () => {
    const config = loadConfig(
      {
        PORT: '3100',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://u:p@db.example:5432/returnlens',
        DATA_DIR: '/var/lib/returnlens',
        EMBEDDED_PG_PORT: '55000',
        DEMO_DATA: 'off',
        SHOP_TIMEZONE: 'Europe/Warsaw',
      },
      [],
      '/srv',
    );
    expect(config.port).toBe(3100);
    expect(config.host).toBe('0.0.0.0');
    expect(config.databaseUrl).toBe('postgres://u:p@db.example:5432/returnlens');
    expect(config.dataDir).toBe('/var/lib/returnlens');
    expect(config.embeddedPgPort).toBe(55000);
    expect(config.demoData).toBe(false);
    expect(config.shopTimeZone).toBe('Europe/Warsaw');
  });

  it('lets --no-demo skip the demo data', () => {
    expect(loadConfig({ DEMO_DATA: 'true' }, ['--no-demo']).demoData).toBe(false);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  it('names every bad setting and its value', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DEMO_DATA: 'maybe',
        SHOP_TIMEZONE: 'Mars/Base',
        DATABASE_URL: 'mysql://x/y',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT="eighty": must be a number');
    expect(problems).toContain('DEMO_DATA="maybe"');
    expect(problems).toContain('SHOP_TIMEZONE="Mars/Base": must be an IANA time zone');
    expect(problems).toContain('DATABASE_URL="mysql://x/y": must start with postgres://');
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(
      'PORT="70000": must be between 1 and 65535',
    );
  });
});
