import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';

const ROOT = path.resolve(__dirname, '..');

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, unknown>;
  additionalProperties?: unknown;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  format?: string;
}
interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * A schema that says what comes back: a reference, a typed value, an array of described items, an
 * object with properties (or a described map), a composition, or a binary/text download.
 * A bare `{type: 'object'}` (what the swagger plugin writes for an interface) says nothing.
 */
function describes(schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref || schema.allOf || schema.oneOf || schema.anyOf) return true;
  if (schema.type === 'array') return describes(schema.items);
  if (schema.type === 'object') return !!schema.properties || !!schema.additionalProperties;
  return !!schema.type;
}

/** Every 2xx response of the document (204 has no body) that lacks a describing schema. */
function responsesWithoutSchema(doc: Document): string[] {
  const missing: string[] = [];
  for (const [route, operations] of Object.entries(doc.paths)) {
    for (const [verb, op] of Object.entries(operations)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!/^2\d\d$/.test(status) || status === '204') continue;
        const contents = Object.entries(response.content ?? {});
        if (contents.length === 0 || contents.some(([, c]) => !describes(c.schema)))
          missing.push(`${verb.toUpperCase()} ${route} ${status}`);
      }
    }
  }
  return missing;
}

describe('OpenAPI document', () => {
  let doc: Document;

  beforeAll(() => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tandem-openapi-')), 'openapi.json');
    const run = spawnSync(process.execPath, ['dist/apps/api/main.js', 'openapi', file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    doc = JSON.parse(readFileSync(file, 'utf8')) as Document;
  });

  it('describes the body of every 2xx response (204 excepted) with a schema', () => {
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
    expect(responsesWithoutSchema(doc)).toEqual([]);
  });

  it('documents the required If-Match header on every versioned write (those answering 428)', () => {
    const versioned = Object.entries(doc.paths).flatMap(([route, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => op.responses?.['428'])
        .map(([verb, op]) => ({
          operation: `${verb.toUpperCase()} ${route}`,
          ifMatch: (op.parameters ?? []).some(
            (p) => p.in === 'header' && p.name === 'If-Match' && p.required,
          ),
        })),
    );
    // Programmes, tasks, indicators, organisations, placements, consultations, meetings, good ideas,
    // report schedules.
    expect(versioned.length).toBeGreaterThanOrEqual(9);
    expect(versioned.filter((v) => !v.ifMatch)).toEqual([]);
  });

  it('has no component schema that is an undescribed object', () => {
    const empty = Object.entries(doc.components.schemas)
      .filter(([, s]) => s.type === 'object' && !s.properties && !s.additionalProperties && !s.allOf)
      .map(([name]) => name);
    expect(empty).toEqual([]);
  });

  it('the check itself notices a missing or empty schema', () => {
    const bad: Document = {
      components: { schemas: {} },
      paths: {
        '/a': {
          get: { responses: { '200': { content: { 'application/json': { schema: { type: 'object' } } } } } },
        },
        '/b': { post: { responses: { '201': {} } } },
        '/c': { delete: { responses: { '204': {} } } },
        '/d': {
          get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/x' } } } } } },
        },
      },
    };
    expect(responsesWithoutSchema(bad)).toEqual(['GET /a 200', 'POST /b 201']);
  });
});
