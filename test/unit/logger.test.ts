import { Writable } from 'node:stream';
import { createLogger } from '../../config/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('logger redaction', () => {
  test('personal data in known shapes is redacted, case codes stay readable', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info' }, stream);
    logger.info(
      {
        meldingRef: 'CSG-LIM-2026-000123',
        victimContact: { name: 'Voorbeeld Persoon', phone: '+31612345678' },
        message: { to: '+31612345678', body: 'tekst' },
        partner: { email: 'piket@csg-limburg.example' },
      },
      'handover sent',
    );
    const out = lines.join('');
    expect(out).toContain('CSG-LIM-2026-000123');
    expect(out).not.toContain('Voorbeeld Persoon');
    expect(out).not.toContain('+31612345678');
    expect(out).not.toContain('piket@csg-limburg.example');
    expect(out).toContain('[redacted]');
  });
});
