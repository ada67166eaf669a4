/** Reads the running api's OpenAPI document and walks its operations (fuzz and permission suites). */
import { TestStack } from './stack';

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema };
  /** No security requirement in the document: reachable without a token. */
  isPublic: boolean;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, Schema> };
  security?: unknown[];
}

export async function readOpenApi(stack: TestStack): Promise<OpenApiDoc> {
  const res = await stack.http().get('/docs-json');
  if (res.status !== 200) throw new Error(`/docs-json answered ${res.status}`);
  return res.body as OpenApiDoc;
}

export function resolve(doc: OpenApiDoc, schema: Schema | undefined, depth = 0): Schema {
  if (!schema || depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return resolve(doc, doc.components?.schemas?.[name], depth + 1);
  }
  if (schema.allOf?.length) {
    const parts = schema.allOf.map((s) => resolve(doc, s, depth + 1));
    return {
      ...schema,
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return schema;
}

export function operations(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as {
        operationId?: string;
        summary?: string;
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        security?: unknown[];
      };
      const content = op.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      const security = op.security ?? doc.security ?? [];
      out.push({
        method: method as Operation['method'],
        path,
        operationId: op.operationId ?? `${method} ${path}`,
        summary: op.summary ?? '',
        parameters: op.parameters ?? [],
        body: contentType ? { contentType, schema: resolve(doc, content[contentType].schema) } : undefined,
        isPublic: security.length === 0,
      });
    }
  }
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** A plausible valid value for a schema (example, default, enum or type-shaped). */
export function sample(doc: OpenApiDoc, raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.oneOf?.length || schema.anyOf?.length)
    return sample(doc, (schema.oneOf ?? schema.anyOf)![0], depth + 1);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'date') return '2027-03-01';
      if (schema.format === 'date-time') return '2027-03-01T09:00:00Z';
      if (schema.format === 'email') return 'someone@example.org';
      return 'text';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 ? [] : [sample(doc, schema.items, depth + 1)];
    default: {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = sample(doc, v, depth + 1);
      return out;
    }
  }
}

/** Runs `work` over `items` with at most `n` in flight. */
export async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
