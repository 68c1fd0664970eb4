/**
 * The API's OpenAPI document, generated from the same zod schemas that validate requests, so the
 * published contract cannot drift from what the service accepts.
 */
import { z } from 'zod';
import { meldingIntakeSchema } from '../domain/intakeSchema';
import { DECISION_NAMES } from '../domain/decisions';
import { decisionSchemas } from '../domain/decisionSchemas';
import { REFERENCE_PATTERN } from '../domain/intakeSchema';
import { translator } from '../i18n';
import { errorResponseSchema, findResponseSchema, loginSchema, startResponseSchema } from './apiSchemas';
import { opsOpenApiPaths } from './opsApi';

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<
    string,
    unknown
  >;

const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The login, the one route that checks a password, can refuse a guesser. */
const throttled = {
  ...errorContent(
    'Too many failed logins for this staff id or from this address: refused, even with the right password, until the window ends',
  ),
  headers: { 'Retry-After': { description: 'Seconds until a new attempt', schema: { type: 'integer' } } },
};

export function buildOpenApiDocument(serverUrl: string): Record<string, unknown> {
  const referenceParameter = {
    name: 'reference',
    in: 'path',
    required: true,
    schema: { type: 'string', pattern: REFERENCE_PATTERN.source },
  };
  const english = translator('en');
  const decisionPaths = Object.fromEntries(
    DECISION_NAMES.map((type) => [
      `/api/meldingen/{reference}/decisions/${type}`,
      {
        post: {
          summary: `${english(`decisions.${type}`)}: the decision "${type}" (recorded as the authenticated staff id)`,
          parameters: [referenceParameter],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(decisionSchemas[type]) } },
          },
          responses: {
            '200': { description: 'The case state after the decision (no personal data)' },
            '400': errorContent('Invalid input, with field-level problems'),
            '401': errorContent('Not authenticated'),
            '403': errorContent("The staff member's role may not record this decision; nothing changed"),
            '404': errorContent("No open melding with this reference in the staff member's regions"),
            '409': errorContent("Refused by the case's current state; nothing changed"),
          },
        },
      },
    ]),
  );
  return {
    openapi: '3.0.3',
    info: {
      title: 'CSG meldingen: intake API',
      version: '1.0.0',
      description:
        'Start and steer meldingen of the Centrum Seksueel Geweld pathway. Responses never contain personal data except what the caller sent.',
    },
    servers: [{ url: serverUrl }],
    // No HTTP Basic: a password alone, without the second factor, opens nothing.
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Session token from POST /api/sessies (staff id, password and the TOTP code of the account). HTTP Basic is not accepted: it cannot carry the second factor.',
        },
      },
      schemas: {
        // Beside the intake's own fields: `linkedTo`, earlier meldingen of the same person.
        MeldingIntake: json(
          meldingIntakeSchema.extend({
            linkedTo: z
              .union([z.string().regex(REFERENCE_PATTERN), z.array(z.string().regex(REFERENCE_PATTERN))])
              .optional()
              .describe('Earlier melding(en) of the same person, by reference; only ones the caller may see'),
          }),
        ),
        StartResponse: json(startResponseSchema),
        Error: json(errorResponseSchema),
      },
    },
    paths: {
      '/api/sessies': {
        post: {
          summary: 'Log in with staff id, password and the six-digit TOTP code: get a Bearer session token',
          security: [],
          requestBody: { required: true, content: { 'application/json': { schema: json(loginSchema) } } },
          responses: {
            '201': { description: 'Session token' },
            '400': errorContent('Invalid input'),
            '401': errorContent(
              'Unknown id, wrong password or wrong, old or already used code (never which)',
            ),
            '429': throttled,
          },
        },
      },
      '/api/meldingen': {
        get: {
          summary: 'Find a melding again: by phone number, or by name with date of birth',
          description:
            'Either telefoon, or naam with geboortedatum. The values are matched through a keyed blind index, never stored in plain text; open and closed cases are found. Answers reference, region, phase and whether the case still runs, newest first. Unknown parameters are refused.',
          parameters: [
            { name: 'telefoon', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
            { name: 'naam', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
            {
              name: 'geboortedatum',
              in: 'query',
              required: false,
              schema: { type: 'string', format: 'date' },
            },
          ],
          responses: {
            '200': {
              description: 'The meldingen found (possibly none)',
              content: { 'application/json': { schema: json(findResponseSchema) } },
            },
            '400': errorContent('No usable search, with the field named; nothing searched'),
            '401': errorContent('Not authenticated'),
          },
        },
        post: {
          summary: 'Start a melding (idempotent by reference or Idempotency-Key)',
          description:
            'reference and receivedAt may be left out: the service fills them (reference from the Idempotency-Key when given). recordedBy is always the signed-in staff member; a value given is ignored. Unknown fields are refused.',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', minLength: 8, maxLength: 200 },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/MeldingIntake' } } },
          },
          responses: {
            '201': {
              description: 'Started',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/StartResponse' } } },
            },
            '200': {
              description: 'Already exists: the existing case, no second one',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/StartResponse' } } },
            },
            '400': errorContent('Invalid intake, with field-level problems; nothing started'),
            '401': errorContent('Not authenticated'),
            '403': errorContent(
              "The staff member's role may not start a melding, or the municipality lies outside their regions; nothing started",
            ),
          },
        },
      },
      '/api/meldingen/{reference}': {
        get: {
          summary: 'The case state (no personal data)',
          parameters: [referenceParameter],
          responses: {
            '200': { description: 'Case state' },
            '401': errorContent('Not authenticated'),
            '403': errorContent("The staff member's role may not read cases"),
            '404': errorContent("Unknown reference, or a case outside the staff member's regions"),
          },
        },
      },
      '/api/mijn-casussen': {
        get: {
          summary:
            "The casemanager's worklist: their own running cases by the next due contact, overdue first, with the requests waiting on partners; with ?casemanager=<staff id>, that casemanager's, for a coordinator (the coordinator's regions only)",
          parameters: [{ name: 'casemanager', in: 'query', required: false, schema: { type: 'string' } }],
          responses: {
            '200': { description: '{ cases: [...], capped }' },
            '400': errorContent('casemanager is not a staff id'),
            '401': errorContent('Not authenticated'),
            '403': errorContent("Only a casemanager has a worklist; only a coordinator sees another's"),
          },
        },
      },
      ...decisionPaths,
      ...opsOpenApiPaths({ json, errorContent, referenceParameter }),
    },
  };
}
