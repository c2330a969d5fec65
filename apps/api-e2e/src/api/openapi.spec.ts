import { FILTER_KEYS } from '@returnlens/shared/contracts';
import { startApiProcess, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';

/**
 * The OpenAPI description at /api/docs-json describes every route the API serves, completely:
 * a route added without its zod DTOs (parameters, body, answer) fails here.
 */

interface Schema {
  readonly $ref?: string;
  readonly [key: string]: unknown;
}
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: Schema;
}
interface Content {
  readonly [mediaType: string]: { readonly schema?: Schema };
}
interface Operation {
  readonly parameters?: Parameter[];
  readonly requestBody?: { readonly content?: Content };
  readonly responses: Record<string, { readonly content?: Content }>;
}
interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The writes that take no body at all. */
const BODILESS = new Set([
  'POST /api/auth/logout',
  'POST /api/admin/users/{id}/reset-password',
  'POST /api/subscriptions/{id}/test',
  // One-click unsubscribe: mail clients post a form body, which the route does not read.
  'POST /api/unsubscribe/{token}',
]);

/** The file uploads: the body is the file, in any of these formats. */
const UPLOADS = new Set(['POST /api/ingest/{kind}', 'POST /api/ingest/{kind}/suggest']);
const FILE_TYPES = [
  'text/csv',
  'application/json',
  'application/x-ndjson',
  'application/vnd.apache.arrow.stream',
];

/** The analytics parameters every analytics question takes. */
const ANALYTICS_PARAMS = ['from', 'to', ...FILTER_KEYS, 'format', 'table'];
/** The metric definitions are the one analytics route without filters. */
const WITHOUT_FILTERS = new Set(['GET /api/analytics/definitions']);

describe('the OpenAPI description', () => {
  let api: ApiProcess;
  let doc: OpenApiDocument;
  const operations: { key: string; path: string; method: string; op: Operation }[] = [];

  /** A schema, with a `$ref` followed to its component; fails on a dangling reference. */
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema?.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`${schema.$ref} is not in components.schemas`);
    return target;
  };
  /** True for a schema that says something: a type, properties, items or alternatives. */
  const describesSomething = (schema: Schema | undefined): boolean => {
    const resolved = resolve(schema);
    return (
      !!resolved &&
      ['type', 'properties', 'items', 'anyOf', 'oneOf', 'allOf', 'enum', '$ref'].some(
        (key) => key in resolved,
      )
    );
  };
  const problems = (check: (key: string, op: Operation, path: string) => string[]): string[] =>
    operations.flatMap(({ key, op, path }) => check(key, op, path));

  beforeAll(async () => {
    api = await startApiProcess({
      DATABASE_URL: testDatabaseUrl(),
      DEMO_DATA: 'off',
      PORT: '3960',
    });
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    doc = (await response.json()) as OpenApiDocument;
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of METHODS)
        if (item[method])
          operations.push({
            key: `${method.toUpperCase()} ${path}`,
            path,
            method,
            op: item[method],
          });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('lists exactly the routes the server maps', () => {
    // Nest logs every route it maps at start-up (uncoloured: the tests set NO_COLOR):
    // `Mapped {/api/batches/:id, GET} route`.
    const served = [...api.output().matchAll(/Mapped \{([^,}]+), (\w+)\} route/g)]
      .map(([, path, method]) => `${method} ${path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(served.length).toBeGreaterThanOrEqual(35);
    expect(operations.map((o) => o.key).sort()).toEqual(served);
  });

  it('gives every route a success answer with a schema (204: no content)', () => {
    expect(
      problems((key, op) => {
        const success = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
        if (!success.length) return [`${key}: no 2xx answer`];
        return success.flatMap((status) => {
          const content = op.responses[status].content ?? {};
          if (status === '204')
            return Object.keys(content).length ? [`${key}: 204 with content`] : [];
          if (!Object.keys(content).length) return [`${key}: ${status} without content`];
          return Object.entries(content)
            .filter(([, media]) => !describesSomething(media.schema))
            .map(([type]) => `${key}: ${status} ${type} has an empty schema`);
        });
      }),
    ).toEqual([]);
  });

  it('declares every path parameter, required, with a schema', () => {
    expect(
      problems((key, op, path) =>
        [...path.matchAll(/\{(\w+)\}/g)]
          .map(([, name]) => ({
            name,
            param: op.parameters?.find((p) => p.in === 'path' && p.name === name),
          }))
          .filter(({ param }) => !param?.required || !describesSomething(param.schema))
          .map(({ name }) => `${key}: path parameter ${name}`),
      ),
    ).toEqual([]);
  });

  it('gives every parameter a schema', () => {
    expect(
      problems((key, op) =>
        (op.parameters ?? [])
          .filter((p) => !describesSomething(p.schema))
          .map((p) => `${key}: ${p.in} parameter ${p.name} has no schema`),
      ),
    ).toEqual([]);
  });

  it('describes the body of every write that takes one; uploads take the file itself', () => {
    expect(
      problems((key, op) => {
        if (!/^(POST|PUT|PATCH) /.test(key)) return op.requestBody ? [`${key}: a body`] : [];
        if (BODILESS.has(key)) return op.requestBody ? [`${key}: documents a body`] : [];
        const content = op.requestBody?.content ?? {};
        const types = Object.keys(content);
        if (UPLOADS.has(key))
          return FILE_TYPES.filter((type) => !types.includes(type)).map(
            (type) => `${key}: does not take ${type}`,
          );
        if (!types.includes('application/json')) return [`${key}: no JSON body`];
        return describesSomething(content['application/json'].schema)
          ? []
          : [`${key}: an empty body schema`];
      }),
    ).toEqual([]);
  });

  it('documents the upload headers', () => {
    for (const key of UPLOADS) {
      const [method, path] = key.split(' ');
      const headers = (doc.paths[path][method.toLowerCase()].parameters ?? [])
        .filter((p) => p.in === 'header')
        .map((p) => p.name);
      expect(headers).toContain('Content-Type');
    }
    const upload = doc.paths['/api/ingest/{kind}'].post;
    expect(
      upload.parameters
        ?.filter((p) => p.in === 'header')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Content-Type', 'Idempotency-Key', 'X-File-Name', 'X-Mapping']);
    // A load answers 201, a dry run 200: both with the batch report.
    expect(upload.responses['201'].content?.['application/json'].schema).toEqual(
      upload.responses['200'].content?.['application/json'].schema,
    );
  });

  it('takes the full filter list on every analytics question, and answers JSON, CSV or Arrow', () => {
    const analytics = operations.filter(
      ({ key }) => /^GET \/api\/(analytics|reports)\//.test(key) && !WITHOUT_FILTERS.has(key),
    );
    expect(analytics.length).toBeGreaterThanOrEqual(13);
    expect(
      analytics.flatMap(({ key, op }) => {
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        return ANALYTICS_PARAMS.filter((name) => !query.includes(name)).map(
          (name) => `${key}: no ${name}`,
        );
      }),
    ).toEqual([]);
    expect(
      operations
        .filter(({ key }) => key.startsWith('GET /api/analytics/'))
        .flatMap(({ key, op }) =>
          ['application/json', 'text/csv', 'application/vnd.apache.arrow.stream']
            .filter((type) => !op.responses['200']?.content?.[type])
            .map((type) => `${key}: no ${type} answer`),
        ),
    ).toEqual([]);
  });

  it('documents the error answers with the error body', () => {
    const isErrorBody = (schema: Schema | undefined) => {
      const properties = resolve(schema)?.['properties'] as Record<string, unknown> | undefined;
      return !!properties && ['statusCode', 'error', 'message'].every((key) => key in properties);
    };
    expect(
      problems((key, op) => {
        if (key === 'GET /api/health') return []; // its 503 is the degraded health report
        const errors = Object.entries(op.responses).filter(([status]) => /^[45]\d\d$/.test(status));
        const statuses = errors.map(([status]) => status);
        return [
          ...['400', '401', '403']
            .filter((s) => !statuses.includes(s))
            .map((s) => `${key}: no ${s}`),
          ...errors
            .filter(([, answer]) => !isErrorBody(answer.content?.['application/json']?.schema))
            .map(([status]) => `${key}: ${status} without the error body`),
        ];
      }),
    ).toEqual([]);
    const paths = /\{\w+\}/;
    expect(
      operations
        .filter(({ path }) => paths.test(path))
        .filter(({ op }) => !op.responses['404'])
        .map(({ key }) => key),
    ).toEqual(['PUT /api/mapping-presets/{name}']);
  });
});
