/**
 * Turns the app's own OpenAPI document into concrete requests, so that a test can call every
 * route, including routes added after the test was written (R-MED-06 canary). Path parameters are
 * filled from a pool of real ids; bodies are generated from the request schema with harmless filler.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface SchemaObject {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly items?: SchemaObject;
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly required?: readonly string[];
  readonly allOf?: readonly SchemaObject[];
  readonly oneOf?: readonly SchemaObject[];
  readonly anyOf?: readonly SchemaObject[];
  readonly minimum?: number;
  readonly minLength?: number;
}

interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly schema?: SchemaObject;
}

interface OperationObject {
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Partial<Record<HttpMethod, OperationObject>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, SchemaObject>> };
}

export interface PlannedRequest {
  readonly method: HttpMethod;
  /** The documented path, e.g. /api/clients/{clientId}: for reporting. */
  readonly template: string;
  readonly url: string;
  readonly body?: unknown;
}

export interface IdPool {
  /** Every real id of the fixture, tried for every path parameter. */
  readonly all: readonly string[];
  /** Narrower lists for parameters whose name says what they are (clientId, trajectoryId, ...). */
  readonly byNameHint: ReadonlyArray<{ readonly pattern: RegExp; readonly ids: readonly string[] }>;
}

export interface RequestFiller {
  /** Any string the generator puts in a body or a non-search query parameter. */
  readonly text: string;
  /** What a search parameter (q, search, query) is set to. */
  readonly searchText: string;
  readonly date: string;
  /** The id a body's uuid field gets. */
  readonly uuid: string;
}

const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];
const SEARCH_PARAMETERS = /^(q|search|query)$/i;
/** More combinations than this per route would make the run slow for no extra coverage. */
const MAX_COMBINATIONS = 60;

function resolve(doc: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    return resolve(doc, doc.components?.schemas?.[name]);
  }
  return schema;
}

/** A value that satisfies the schema's shape (not necessarily its business rules). */
export function exampleValue(
  doc: OpenApiDocument,
  raw: SchemaObject | undefined,
  filler: RequestFiller,
  depth = 0,
): unknown {
  const schema = resolve(doc, raw);
  const variant = schema.allOf?.[0] ?? schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (variant) return exampleValue(doc, variant, filler, depth);
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (depth > 4) return null;
  switch (schema.type ?? (schema.properties ? 'object' : 'unknown')) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        value[name] = exampleValue(doc, property, filler, depth + 1);
      }
      return value;
    }
    case 'array':
      return [exampleValue(doc, schema.items, filler, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date') return filler.date;
      if (schema.format === 'date-time') return `${filler.date}T10:00:00.000Z`;
      if (schema.format === 'uuid') return filler.uuid;
      return filler.text;
    default:
      return null;
  }
}

function idsFor(name: string, pool: IdPool): readonly string[] {
  return pool.byNameHint.find((hint) => hint.pattern.test(name))?.ids ?? pool.all;
}

function combinations(lists: ReadonlyArray<readonly string[]>): string[][] {
  return lists.reduce<string[][]>(
    (partial, list) => partial.flatMap((prefix) => list.map((item) => [...prefix, item])),
    [[]],
  );
}

function queryString(doc: OpenApiDocument, parameters: readonly ParameterObject[], filler: RequestFiller) {
  const search = new URLSearchParams();
  for (const parameter of parameters) {
    const value = SEARCH_PARAMETERS.test(parameter.name)
      ? filler.searchText
      : exampleValue(doc, parameter.schema, filler);
    if (value !== null && value !== undefined) search.set(parameter.name, String(value));
  }
  return search.toString();
}

/**
 * Every documented operation as concrete requests: each combination of pool ids for its path
 * parameters; GETs once bare and once with every query parameter set; bodies from the schema.
 */
export function plannedRequests(
  doc: OpenApiDocument,
  pool: IdPool,
  filler: RequestFiller,
  options: { readonly methods: readonly HttpMethod[]; readonly skip: (template: string) => boolean },
): PlannedRequest[] {
  const planned: PlannedRequest[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    if (options.skip(template)) continue;
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation || !options.methods.includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
      const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
      const values = combinations(pathParameters.map((parameter) => idsFor(parameter.name, pool))).slice(
        0,
        MAX_COMBINATIONS,
      );
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      const body = bodySchema ? exampleValue(doc, bodySchema, filler) : undefined;
      for (const combination of values) {
        const path = pathParameters.reduce(
          (url, parameter, index) => url.replace(`{${parameter.name}}`, combination[index]),
          template,
        );
        planned.push({ method, template, url: path, ...(body === undefined ? {} : { body }) });
        if (method === 'get' && queryParameters.length > 0) {
          planned.push({ method, template, url: `${path}?${queryString(doc, queryParameters, filler)}` });
        }
      }
    }
  }
  return planned;
}
