/**
 * `besluit <referentie> <soort> '<json>'`: any decision of the decision table from the command
 * line, its fields as the API's JSON body and checked by the same schema, recorded as the acting
 * id (a `by` in the JSON is refused by the schema, as in the API).
 */
import { DECISION_NAMES, isDecisionName, type Decision } from '../domain/decisions';
import { decisionSchemas } from '../domain/decisionSchemas';

export const BESLUIT_USAGE = `  besluit <referentie> <soort> ['<json>'] [--door <id>]      besluit of correctie vastleggen; soort: ${DECISION_NAMES.join(', ')}`;

/** The decision the arguments describe, or the problem in Dutch, naming the field. */
export function besluitFromArgs(
  type: string,
  json: string,
  by: string,
): { decision: Decision } | { problem: string } {
  if (!isDecisionName(type)) {
    return { problem: `Onbekende soort besluit "${type}"; kies uit: ${DECISION_NAMES.join(', ')}` };
  }
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    return { problem: `De velden van het besluit zijn geen JSON: ${json}` };
  }
  const parsed = decisionSchemas[type].safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(besluit)'}: ${i.message}`);
    return { problem: `Ongeldig besluit ${type}: ${problems.join('; ')}` };
  }
  // The schema is the table's for this type, so body and type belong together.
  return { decision: { type, input: { ...parsed.data, by } } as Decision };
}
