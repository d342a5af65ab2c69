import { API_BASE, type OpenApiDocument } from './openapi';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { translator, type Translate } from '../i18n/translate';

/**
 * /donnees/api: the OpenAPI document as a page — every address with its parameters, answers,
 * fields and an example — generated from the document itself, so the two never disagree. The
 * document comes in the page's language (openapi.ts); the words the page adds are messages (`apiDoc`).
 */

type Schema = Record<string, unknown>;

export interface FieldView {
  name: string;
  type: string;
  description: string;
}

const asSchema = (value: unknown): Schema => (value !== null && typeof value === 'object' ? (value as Schema) : {});

const TYPE_KEYS: Record<string, string> = {
  string: 'apiDoc.types.string',
  number: 'apiDoc.types.number',
  integer: 'apiDoc.types.integer',
  boolean: 'apiDoc.types.boolean',
  object: 'apiDoc.types.object',
  array: 'apiDoc.types.array',
};

/** The non-null branch of `X | null` (zod writes `anyOf` for objects, a type list for scalars), and whether null is allowed. */
function unwrapNull(schema: Schema): { schema: Schema; nullable: boolean } {
  const anyOf = schema.anyOf;
  if (Array.isArray(anyOf)) {
    const branches = anyOf.map(asSchema);
    const other = branches.filter((b) => b.type !== 'null');
    if (other.length === 1 && other.length < branches.length) {
      return { schema: { ...other[0], description: schema.description ?? other[0]!.description }, nullable: true };
    }
  }
  return { schema, nullable: Array.isArray(schema.type) && schema.type.includes('null') };
}

function typeText(raw: Schema, say: Translate): string {
  const { schema, nullable } = unwrapNull(raw);
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (t): t is string => typeof t === 'string' && t !== 'null',
  );
  const words = types.map((t) => (TYPE_KEYS[t] ? say(TYPE_KEYS[t]) : t));
  let text = words.length ? words.reduce((first, second) => say('apiDoc.typeOr', { first, second })) : say('apiDoc.anyValue');
  if (Array.isArray(schema.enum))
    text = say('apiDoc.typeEnum', { type: text, values: schema.enum.map((v) => JSON.stringify(v)).join(', ') });
  if (types[0] === 'array') text = say('apiDoc.listOf', { type: typeText(asSchema(schema.items), say) });
  if (typeof schema.pattern === 'string') text = say('apiDoc.pattern', { type: text, pattern: schema.pattern });
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') {
    text = say('apiDoc.range', { type: text, min: schema.minimum, max: schema.maximum });
  }
  return nullable ? say('apiDoc.orNull', { type: text }) : text;
}

/** Every field of an answer, depth first: `indicators[].value`. */
export function fieldsOf(raw: Schema, say: Translate = translator(DEFAULT_LOCALE), prefix = ''): FieldView[] {
  const { schema } = unwrapNull(raw);
  if (schema.type === 'array') return fieldsOf(asSchema(schema.items), say, `${prefix}[]`);
  const properties = asSchema(schema.properties);
  return Object.entries(properties).flatMap(([key, value]) => {
    const property = asSchema(value);
    const name = prefix ? `${prefix}.${key}` : key;
    const description =
      typeof property.description === 'string'
        ? property.description
        : ((unwrapNull(property).schema.description as string | undefined) ?? '');
    return [{ name, type: typeText(property, say), description }, ...fieldsOf(property, say, name)];
  });
}

const PLACES: Record<string, string> = { query: 'apiDoc.inQuery', path: 'apiDoc.inPath' };

/** The page of `document`, which is in `locale` (openApiDocument's), with the page's own words in it too. */
export function apiDocPage(document: OpenApiDocument, locale: Locale = DEFAULT_LOCALE) {
  const say = translator(locale);
  const schemas = document.components.schemas as Record<string, Schema>;
  const operations = Object.entries(document.paths).map(([path, item]) => {
    const operation = item.get as {
      operationId: string;
      summary: string;
      description: string;
      parameters?: { name: string; in: string; required: boolean; description: string; schema: Schema }[];
      responses: Record<string, { description: string; content?: Record<string, { schema: Schema; example?: unknown }> }>;
    };
    const responses = Object.entries(operation.responses).map(([status, response]) => {
      const media = response.content?.['application/json'];
      const refName = typeof media?.schema.$ref === 'string' ? media.schema.$ref.split('/').at(-1)! : null;
      return { status, description: response.description, schemaName: refName };
    });
    const success = operation.responses['200']?.content?.['application/json'];
    const successName = typeof success?.schema.$ref === 'string' ? success.schema.$ref.split('/').at(-1)! : null;
    return {
      id: `api-${operation.operationId}`,
      method: 'GET',
      path: `${API_BASE}${path}`,
      summary: operation.summary,
      description: operation.description,
      parameters: (operation.parameters ?? []).map((p) => ({
        name: p.name,
        place: PLACES[p.in] ? say(PLACES[p.in]!) : p.in,
        required: say(p.required ? 'apiDoc.requiredYes' : 'apiDoc.requiredNo'),
        type: typeText(p.schema, say),
        description: p.description,
      })),
      responses,
      fields: successName ? fieldsOf(schemas[successName] ?? {}, say) : [],
      example: success?.example === undefined ? null : JSON.stringify(success.example, null, 2),
    };
  });
  return {
    title: 'API',
    info: document.info,
    // The document the page shows: in the page's language.
    documentHref: `${API_BASE}/openapi.json${locale === DEFAULT_LOCALE ? '' : `?lang=${locale}`}`,
    operations,
    errorFields: fieldsOf(schemas.Error ?? {}, say),
  };
}
