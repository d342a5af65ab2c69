import { API_BASE, type OpenApiDocument } from './openapi';

/**
 * /donnees/api: the OpenAPI document as a page — every address with its parameters, answers,
 * fields and an example — generated from the document itself, so the two never disagree.
 */

type Schema = Record<string, unknown>;

export interface FieldView {
  name: string;
  type: string;
  description: string;
}

const asSchema = (value: unknown): Schema => (value !== null && typeof value === 'object' ? (value as Schema) : {});

const TYPE_WORDS: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  integer: 'entier',
  boolean: 'booléen',
  object: 'objet',
  array: 'liste',
  null: 'null',
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

function typeText(raw: Schema): string {
  const { schema, nullable } = unwrapNull(raw);
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (t): t is string => typeof t === 'string' && t !== 'null',
  );
  let text = types.map((t) => TYPE_WORDS[t] ?? t).join(' ou ') || 'valeur';
  if (Array.isArray(schema.enum)) text = `${text} : ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (types[0] === 'array') text = `liste de ${typeText(asSchema(schema.items))}`;
  if (typeof schema.pattern === 'string') text = `${text} (motif ${schema.pattern})`;
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') text = `${text} de ${schema.minimum} à ${schema.maximum}`;
  return nullable ? `${text}, ou null` : text;
}

/** Every field of an answer, depth first: `indicators[].value`. */
export function fieldsOf(raw: Schema, prefix = ''): FieldView[] {
  const { schema } = unwrapNull(raw);
  if (schema.type === 'array') return fieldsOf(asSchema(schema.items), `${prefix}[]`);
  const properties = asSchema(schema.properties);
  return Object.entries(properties).flatMap(([key, value]) => {
    const property = asSchema(value);
    const name = prefix ? `${prefix}.${key}` : key;
    const description =
      typeof property.description === 'string'
        ? property.description
        : ((unwrapNull(property).schema.description as string | undefined) ?? '');
    return [{ name, type: typeText(property), description }, ...fieldsOf(property, name)];
  });
}

const PLACES: Record<string, string> = { query: 'requête', path: 'chemin' };

export function apiDocPage(document: OpenApiDocument) {
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
        place: PLACES[p.in] ?? p.in,
        required: p.required ? 'oui' : 'non',
        type: typeText(p.schema),
        description: p.description,
      })),
      responses,
      fields: successName ? fieldsOf(schemas[successName] ?? {}) : [],
      example: success?.example === undefined ? null : JSON.stringify(success.example, null, 2),
    };
  });
  return {
    title: 'API',
    info: document.info,
    documentHref: `${API_BASE}/openapi.json`,
    operations,
    errorFields: fieldsOf(schemas.Error ?? {}),
  };
}
