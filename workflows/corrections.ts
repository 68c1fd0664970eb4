/**
 * Corrections of what the intake recorded, on the running case: the age or date of birth, the
 * municipality, the contact details, the safe channels, the medical-care wish, the language and
 * the need for an interpreter. Each is an Update whose validator refuses a wrong value naming the
 * field (and changes nothing); an accepted one changes the case's intake, so partner pages and
 * later decisions see it, and the track it concerns follows at once:
 * - a new age can move the FMO between the NFI and the forensisch arts (policeAndFmo.ts);
 * - a municipality in another region transfers the case there (ending.ts); the case client looks
 *   the region up, as the workflow holds no region configuration;
 * - a "ja" to medical care starts the medical track, a "nee" stands it down (medicalCare.ts).
 * The history records who, which fields and why (a reason code), never the values: they are personal.
 *
 * Only a case that receives one of these updates runs this code, so recorded histories replay as before.
 */
import {
  ageCorrectionProblem,
  ageOn,
  CHANNEL_FIELDS,
  channelsCorrectionProblem,
  contactCorrectionProblem,
  languageCorrectionProblem,
  municipalityProblem,
  type CorrectionProblem,
} from '../domain/corrections';
import { examinedByNfi } from '../domain/triage';
import type { ContactPreferences, VictimAge, VictimContact } from '../domain/types';
import { CORRECTION_REASONS, REGION_ID_PATTERN, WISHES } from '../domain/vocabulary';
import type { MeldingCase } from './caseState';
import { transferCase } from './ending';
import { followMedicalWish } from './medicalCare';
import {
  correctContactDetails,
  correctContactPreferences,
  correctLanguage,
  correctMunicipality,
  correctVictimAge,
  recordMedicalWish,
} from './messages';
import { followCorrectedAge } from './policeAndFmo';
import { ensureBy, ensureOneOf } from './validation';
import { setRecordedHandler } from './caseFileMilestones';

function refuse(problem: CorrectionProblem | undefined): void {
  if (problem) throw new Error(`${problem.field}: ${problem.message}`);
}

/** What every correction needs: who, an active case, and why. */
function ensureCorrection(c: MeldingCase, input: { by: unknown; reason: unknown }): void {
  ensureBy(input.by);
  c.requireActive();
  ensureOneOf('reason', input.reason, CORRECTION_REASONS);
}

/** The fields a correction changes, by name: the history's record of it. */
function given<T extends object>(input: T, fields: readonly (keyof T & string)[]): (keyof T & string)[] {
  return fields.filter((f) => input[f] !== undefined);
}

function pick<T extends object, K extends keyof T & string>(input: T, fields: readonly K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const f of fields) if (input[f] !== undefined) out[f] = input[f];
  return out;
}

function registerAge(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    correctVictimAge,
    ({ victimAge, dateOfBirth, reason, by }) => {
      // The age the helpline records is the age at the intake; a date of birth gives it exactly.
      const age: VictimAge =
        dateOfBirth !== undefined ? { kind: 'years', years: ageOn(dateOfBirth, c.intakeAt) } : victimAge!;
      c.correctIntake({
        victimAge: age,
        ...(dateOfBirth !== undefined ? { victimContact: { ...c.intake.victimContact, dateOfBirth } } : {}),
      });
      const before = c.triage.forensicPartner;
      c.triage = { ...c.triage, forensicPartner: examinedByNfi(age) ? 'nfi' : 'forensisch_arts' };
      const what = dateOfBirth !== undefined ? 'geboortedatum' : 'leeftijd';
      c.decide(
        'leeftijd',
        by,
        `${what}; reden: ${reason}; fmo door: ${before} → ${c.triage.forensicPartner}`,
      );
      followCorrectedAge(c);
      return c.state();
    },
    {
      validator: (input) => {
        ensureCorrection(c, input);
        refuse(ageCorrectionProblem(input, c.intakeAt.getTime()));
      },
    },
  );
}

function registerMunicipality(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    correctMunicipality,
    ({ municipality, regionId, reason, by }) => {
      c.correctIntake({ municipality: municipality.trim() });
      if (regionId === c.pathway.regionId) {
        c.decide('gemeente', by, `zelfde regio; reden: ${reason}`);
        return c.state();
      }
      // Another region's people take over: the existing transfer, its open requests stood down here.
      c.decide('gemeente', by, `andere regio: ${regionId}; reden: ${reason}`);
      transferCase(c, regionId!, by);
      return c.state();
    },
    {
      validator: (input) => {
        ensureCorrection(c, input);
        refuse(municipalityProblem(input.municipality));
        if (typeof input.regionId !== 'string' || !REGION_ID_PATTERN.test(input.regionId)) {
          throw new Error("regionId: expected the municipality's region id (the case client looks it up)");
        }
      },
    },
  );
}

function registerContact(c: MeldingCase): void {
  const CONTACT_FIELDS = ['name', 'phone', 'email'] as const;
  setRecordedHandler(
    c.caseFile,
    correctContactDetails,
    (input) => {
      const changes = pick(input, CONTACT_FIELDS) as Partial<VictimContact>;
      if (changes.name !== undefined) changes.name = changes.name.trim();
      c.correctIntake({ victimContact: { ...c.intake.victimContact, ...changes } });
      c.decide(
        'contactgegevens',
        input.by,
        `velden: ${given(input, CONTACT_FIELDS).join(', ')}; reden: ${input.reason}`,
      );
      return c.state();
    },
    {
      validator: (input) => {
        ensureCorrection(c, input);
        refuse(contactCorrectionProblem(input));
      },
    },
  );

  setRecordedHandler(
    c.caseFile,
    correctContactPreferences,
    (input) => {
      const changes = pick(input, CHANNEL_FIELDS) as Partial<ContactPreferences>;
      c.correctIntake({ contactPreferences: { ...c.intake.contactPreferences, ...changes } });
      c.decide(
        'veilige_kanalen',
        input.by,
        `velden: ${given(input, CHANNEL_FIELDS).join(', ')}; reden: ${input.reason}`,
      );
      return c.state();
    },
    {
      validator: (input) => {
        ensureCorrection(c, input);
        refuse(channelsCorrectionProblem(input as unknown as Record<string, unknown>));
      },
    },
  );

  const LANGUAGE_FIELDS = ['language', 'interpreterNeeded'] as const;
  setRecordedHandler(
    c.caseFile,
    correctLanguage,
    (input) => {
      c.correctIntake(pick(input, LANGUAGE_FIELDS));
      c.decide(
        'taal',
        input.by,
        `velden: ${given(input, LANGUAGE_FIELDS).join(', ')}; reden: ${input.reason}`,
      );
      return c.state();
    },
    {
      validator: (input) => {
        ensureCorrection(c, input);
        refuse(languageCorrectionProblem(input));
      },
    },
  );
}

function registerMedicalWish(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    recordMedicalWish,
    ({ wish, reason, by }) => {
      c.correctIntake({ wishes: { ...c.intake.wishes, medicalCare: wish } });
      c.decide('medische_wens', by, `${wish}; reden: ${reason}`);
      followMedicalWish(c);
      return c.state();
    },
    {
      validator: (input) => {
        ensureCorrection(c, input);
        ensureOneOf('wish', input.wish, WISHES);
        if (input.wish === c.intake.wishes.medicalCare) {
          throw new Error(`wish: the medical-care wish is already "${input.wish}"`);
        }
      },
    },
  );
}

/** Every correction of the intake on the running case. */
export function registerCorrections(c: MeldingCase): void {
  registerAge(c);
  registerMunicipality(c);
  registerContact(c);
  registerMedicalWish(c);
}
