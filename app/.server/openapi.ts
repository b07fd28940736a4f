import { openDataJsonSchema } from '../../consultation/report/export/open-data.ts'
import { API_BASE, API_COMMENTS_PER_PAGE } from '../../consultation/open-data-api.ts'
import { REPORT_LANGS } from '../../consultation/report/model.ts'

// The OpenAPI 3.1 description of the read-only open-data API (/api/v1/openapi.json). The
// schemas follow consultation/open-data-api.ts; the report's is the open-data schema
// itself (docs/open-data/report.schema.json). A test requests every path listed here.

type Schema = Record<string, unknown>

interface Parameter {
  name: string
  in: 'path' | 'query'
  required: boolean
  description: string
  schema: Schema
}

interface Operation {
  operationId: string
  summary: string
  description?: string
  tags: string[]
  parameters?: Parameter[]
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }>; $ref?: never } | { $ref: string }>
}

/** An OpenAPI 3.1 document, the parts this API uses. */
export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } }
  servers: { url: string }[]
  tags: { name: string; description: string }[]
  paths: Record<string, { get: Operation }>
  components: { schemas: Record<string, Schema>; responses: Record<string, { description: string; content: Record<string, { schema: Schema }> }> }
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Schema) => ({ 'application/json': { schema } })
const str = { type: 'string' }
const nullableStr = { type: ['string', 'null'] }
const dateTime = { type: 'string', format: 'date-time' }
const int = { type: 'integer' }
const obj = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({ type: 'object', properties, required })

const slug: Parameter = { name: 'slug', in: 'path', required: true, description: 'The draft’s address: /drafts/<slug>', schema: str }
const seq: Parameter = { name: 'seq', in: 'path', required: true, description: 'The version’s number: 1, 2, …', schema: { type: 'integer', minimum: 1 } }
const roundId: Parameter = { name: 'roundId', in: 'path', required: true, description: 'The round’s id', schema: str }
const script: Parameter = { name: 'script', in: 'query', required: false, description: 'The script of the text: the draft’s own when absent', schema: { type: 'string', enum: ['latn', 'cyrl'] } }

const notFound = { $ref: '#/components/responses/NotFound' }
const badRequest = { $ref: '#/components/responses/BadRequest' }

const links = (...keys: string[]) => obj(Object.fromEntries(keys.map((k) => [k, k === 'report' || k === 'next' || k === 'prev' ? nullableStr : str])))

const schemas: Record<string, Schema> = {
  Error: obj({ error: obj({ status: int, reason: str }, ['status', 'reason']) }),
  Institution: obj({ slug: str, name: str }),
  DraftSummary: obj({
    slug: str, title: str,
    documentType: { type: 'string', enum: ['law', 'bylaw', 'standard'] },
    language: { type: 'string', enum: ['bs', 'hr', 'sr'] },
    script: { type: 'string', enum: ['latn', 'cyrl'] },
    stage: { type: 'string', description: 'prednacrt, nacrt or prijedlog' },
    institution: ref('Institution'),
    state: { type: 'string', enum: ['working-draft', 'in-consultation', 'closed', 'report-published'] },
    latestVersion: { oneOf: [obj({ seq: int, name: str, createdAt: dateTime }), { type: 'null' }] },
    updatedAt: dateTime,
    links: links('self', 'page'),
  }),
  VersionSummary: obj({ seq: int, name: str, note: nullableStr, createdAt: dateTime, links: links('self', 'docx', 'akomaNtoso') }),
  Draft: {
    allOf: [
      ref('DraftSummary'),
      obj({ jurisdiction: str, summary: nullableStr, versions: { type: 'array', items: ref('VersionSummary') }, rounds: { type: 'array', items: ref('RoundSummary') } }),
    ],
  },
  Table: obj({
    id: { type: 'string', description: 'Stable id: survives renumbering' },
    rows: { type: 'array', items: obj({ header: { type: 'boolean', description: 'A header row' }, cells: { type: 'array', items: { type: 'string', description: 'A cell’s text, its blocks on their own lines' } } }) },
  }),
  Point: obj({ id: { type: 'string', description: 'Stable id: survives renumbering' }, label: str, text: { type: 'string', description: 'Sub-points, indents and table rows (cells joined by " | ") on their own lines' }, tables: { type: 'array', items: ref('Table') } }),
  Paragraph: obj({ id: str, number: nullableStr, label: nullableStr, text: { type: 'string', description: 'Text, indents and table rows (cells joined by " | ") on their own lines' }, points: { type: 'array', items: ref('Point') }, tables: { type: 'array', items: ref('Table'), description: 'Tables in the paragraph itself, not in its points' } }),
  Annex: obj({
    id: { type: 'string', description: 'Stable id: survives renumbering' },
    number: { type: 'string', description: '"2", or "2a" where frozen' },
    label: { type: 'string', description: '"Prilog 2", "Прилог 2"' },
    heading: str,
    text: { type: 'string', description: 'Text blocks and table rows (cells joined by " | "), one a line' },
    tables: { type: 'array', items: ref('Table') },
  }),
  Article: obj({ id: str, number: { type: 'string', description: '"12", or "18a" where frozen' }, label: { type: 'string', description: '"Član 12.", "Članak 12.", "Члан 12."' }, heading: nullableStr, paragraphs: { type: 'array', items: ref('Paragraph') } }),
  Division: obj({ id: str, kind: { type: 'string', enum: ['part', 'chapter', 'section'] }, label: str, heading: str, parent: nullableStr, articles: { type: 'array', items: str } }),
  Version: obj({
    draft: obj({ slug: str, title: str, documentType: str }),
    version: obj({ seq: int, name: str, createdAt: dateTime }),
    language: str, script: str, title: str,
    preamble: { type: 'array', items: str },
    divisions: { type: 'array', items: ref('Division') },
    articles: { type: 'array', items: ref('Article') },
    annexes: { type: 'array', items: ref('Annex'), description: 'The annexes (prilozi) after the articles' },
    memorandum: { oneOf: [obj({ label: str, sections: { type: 'array', items: obj({ id: str, heading: str, paragraphs: { type: 'array', items: str } }) } }), { type: 'null' }] },
    links: links('docx', 'akomaNtoso', 'page'),
  }),
  RoundSummary: obj({
    id: str, title: str, stage: str,
    state: { type: 'string', enum: ['open', 'closed', 'report-published'] },
    opensAt: dateTime, closesAt: dateTime, reportPublishedAt: { type: ['string', 'null'], format: 'date-time' },
    draft: obj({ slug: str, title: str }),
    links: links('self', 'comments', 'report', 'page'),
  }),
  Round: {
    allOf: [
      ref('RoundSummary'),
      obj({
        version: obj({ seq: int, name: str, links: links('self') }),
        institution: ref('Institution'),
        summary: nullableStr, whyItMatters: nullableStr, targetGroups: nullableStr,
        methods: { type: 'array', items: { type: 'string', enum: ['online', 'hearings', 'written'] } },
        contactName: nullableStr,
        period: obj({ days: int, minimumDays: int, recommendedDays: int, short: { type: 'boolean' }, shortPeriodReason: nullableStr }),
        answersPublication: { type: 'string', enum: ['immediately', 'with-report'] },
        hearings: { type: 'array', items: obj({ startsAt: dateTime, place: str, agenda: nullableStr }) },
        publicComments: int,
      }),
    ],
  },
  Author: {
    description: 'An organisation, a person who agreed to be named, or nobody. E-mail addresses are never published.',
    oneOf: [obj({ kind: { const: 'organisation' }, name: str }), obj({ kind: { const: 'person' }, name: str }), obj({ kind: { const: 'anonymous' } })],
  },
  Comment: obj({
    id: str,
    target: obj({ kind: { type: 'string', enum: ['draft', 'article', 'paragraph', 'point', 'memorandum'] }, nodeId: nullableStr, articleId: nullableStr }),
    author: ref('Author'),
    channel: { type: 'string', enum: ['online', 'letter', 'email', 'hearing'] },
    submittedAt: dateTime,
    editedAt: { type: ['string', 'null'], format: 'date-time' },
    body: { type: 'string', description: 'The public text: a moderator’s redaction where there is one; e-mail and IP addresses replaced by […]' },
    proposedWording: nullableStr,
    answer: {
      oneOf: [
        obj({
          status: str, reasoning: str, publishedAt: dateTime,
          change: { oneOf: [obj({ draftSlug: str, fromSeq: int, toSeq: int, toName: str, anchor: nullableStr }), { type: 'null' }] },
        }),
        { type: 'null' },
      ],
    },
  }),
  CommentPage: obj({
    roundId: str, page: int, pages: int, perPage: { type: 'integer', const: API_COMMENTS_PER_PAGE }, total: int,
    comments: { type: 'array', items: ref('Comment') },
    links: links('next', 'prev'),
  }),
  ConsultationReport: (() => {
    const { $schema: _schema, ...schema } = openDataJsonSchema()
    return schema
  })(),
}

/** The OpenAPI 3.1 document of /api/v1. */
export function openApiDocument(): OpenApiDocument {
  const get = (operation: Operation) => ({ get: operation })
  return {
    openapi: '3.1.0',
    info: {
      title: 'Nacrt open data API',
      version: '1.0.0',
      description:
        'Read-only open data of Nacrt: drafts of laws and their versions, public consultation rounds, their public comments with the institutions’ answers, and published reports. No authentication; CORS open for GET. Only what any visitor reads on the site: no e-mail or IP addresses, no names of people who did not agree to be named. Versions are also available as .docx and Akoma Ntoso 3.0 XML (see the links in each version).',
      license: { name: 'CC BY 4.0', identifier: 'CC-BY-4.0' },
    },
    servers: [{ url: API_BASE }],
    tags: [
      { name: 'drafts', description: 'Drafts and their named versions' },
      { name: 'rounds', description: 'Public consultation rounds, comments, answers and reports' },
    ],
    paths: {
      '/drafts': get({
        operationId: 'listDrafts', summary: 'Every draft with a named version', tags: ['drafts'],
        responses: { '200': { description: 'The drafts, most recently changed first', content: json(obj({ drafts: { type: 'array', items: ref('DraftSummary') } })) } },
      }),
      '/drafts/{slug}': get({
        operationId: 'readDraft', summary: 'A draft with its versions and public rounds', tags: ['drafts'], parameters: [slug],
        responses: { '200': { description: 'The draft', content: json(ref('Draft')) }, '404': notFound },
      }),
      '/drafts/{slug}/versions/{seq}': get({
        operationId: 'readVersion', summary: 'A version’s text, article by article', tags: ['drafts'], parameters: [slug, seq, script],
        description: 'Labels and numbers as the act writes them, in its language variant and script; ids are stable across versions.',
        responses: { '200': { description: 'The version', content: json(ref('Version')) }, '400': badRequest, '404': notFound },
      }),
      '/rounds': get({
        operationId: 'listRounds', summary: 'Every consultation round that has opened', tags: ['rounds'],
        responses: { '200': { description: 'The rounds, newest first', content: json(obj({ rounds: { type: 'array', items: ref('RoundSummary') } })) } },
      }),
      '/rounds/{roundId}': get({
        operationId: 'readRound', summary: 'A round’s plan: period, methods, hearings', tags: ['rounds'], parameters: [roundId],
        responses: { '200': { description: 'The round', content: json(ref('Round')) }, '404': notFound },
      }),
      '/rounds/{roundId}/comments': get({
        operationId: 'listComments', summary: 'A page of a round’s public comments with public answers', tags: ['rounds'],
        parameters: [roundId, { name: 'page', in: 'query', required: false, description: `Page from 1; ${API_COMMENTS_PER_PAGE} comments a page, oldest first`, schema: { type: 'integer', minimum: 1, default: 1 } }],
        responses: { '200': { description: 'The page', content: json(ref('CommentPage')) }, '400': badRequest, '404': notFound },
      }),
      '/rounds/{roundId}/report': get({
        operationId: 'readReport', summary: 'A round’s published report as open data', tags: ['rounds'],
        description: 'The document of /open-data/report.schema.json; 404 until the report is published.',
        parameters: [roundId, { name: 'lang', in: 'query', required: false, description: 'The report’s language; the draft’s own when absent', schema: { type: 'string', enum: [...REPORT_LANGS] } }],
        responses: { '200': { description: 'The report', content: json(ref('ConsultationReport')) }, '400': badRequest, '404': notFound },
      }),
      '/openapi.json': get({
        operationId: 'openApi', summary: 'This description', tags: ['drafts', 'rounds'],
        responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
      }),
    },
    components: {
      schemas,
      responses: {
        NotFound: { description: 'No such thing, or not public (a planned round, an unpublished report)', content: json(ref('Error')) },
        BadRequest: { description: 'A parameter is not valid', content: json(ref('Error')) },
      },
    },
  }
}
