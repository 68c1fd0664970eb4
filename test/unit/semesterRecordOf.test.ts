/**
 * What a case that ends counts as given in the semester figures: the FMO and medical care once
 * their partners report the task done; a case whose requests carry no task (started before
 * requests were tasks) by the acknowledgement, unless called off while the case ran.
 */
import type { RequestView, TaskView } from '../../workflows/messages';
import { reportRecordOf, type EndedCase } from '../../workflows/semesterReport';
import { buildIntake } from '../../testkit/meldingFixtures';

const AT = '2026-11-02T10:00:00Z';

function view(
  requestId: string,
  kind: RequestView['kind'],
  role: RequestView['role'],
  more: Partial<RequestView>,
) {
  return {
    requestId,
    kind,
    role,
    status: 'acknowledged',
    requestedAt: AT,
    dueBy: AT,
    escalationLevel: 0,
    awaitedTier: 'primary',
    ...more,
  } as RequestView;
}
const task = (state: TaskView['state']): TaskView => ({ state, declines: [], updatedAt: AT });

function counted(requests: RequestView[], calledOff: string[] = []) {
  const ended: EndedCase = {
    intake: buildIntake({ receivedAt: AT }),
    regionId: 'limburg',
    acute: true,
    requests,
    calledOff: new Set(calledOff),
    aangifte: false,
  };
  const { fmo, medicalCare } = reportRecordOf(ended);
  return { fmo, medicalCare };
}

test('with tasks: done counts; accepted, planned or not done does not; nor the opsporing’s', () => {
  expect(
    counted([
      view('fmo', 'fmo', 'forensisch_arts', { task: task('uitgevoerd') }),
      view('medische_zorg', 'medische_zorg', 'acute_medische_zorg', { task: task('gepland') }),
    ]),
  ).toEqual({ fmo: true, medicalCare: false });
  expect(
    counted([
      view('fmo', 'fmo', 'nfi', { task: task('geaccepteerd') }),
      view('fmo-opsporing', 'fmo', 'forensische_opsporing', { task: task('uitgevoerd') }),
      view('medische_zorg', 'medische_zorg', 'acute_medische_zorg', { task: task('niet_uitgevoerd') }),
    ]),
  ).toEqual({ fmo: false, medicalCare: false });
});

test('a task done counts even when its request was told it ended later', () => {
  expect(counted([view('fmo', 'fmo', 'nfi', { task: task('uitgevoerd') })], ['fmo'])).toEqual({
    fmo: true,
    medicalCare: false,
  });
});

test('without tasks (a case from before): the acknowledgement counts, unless called off', () => {
  const fmo = view('fmo', 'fmo', 'forensisch_arts', {});
  const care = view('medische_zorg', 'medische_zorg', 'acute_medische_zorg', {});
  expect(counted([fmo, care])).toEqual({ fmo: true, medicalCare: true });
  expect(counted([fmo, care], ['fmo'])).toEqual({ fmo: false, medicalCare: true });
  expect(counted([{ ...fmo, status: 'open' }, care])).toEqual({ fmo: false, medicalCare: true });
});
