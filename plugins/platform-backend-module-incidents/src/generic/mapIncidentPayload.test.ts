import { InputError } from '@backstage/errors';
import { validateCanonicalEvent } from '@goldenpath/plugin-platform-common';
import { fixture } from '../__testUtils__/fixture';
import { mapIncidentPayload } from './mapIncidentPayload';

const data = {
  incidentId: 'INC-2041',
  severity: 'sev2',
  openedAt: '2026-11-02T15:00:00Z',
  causedByDeploymentId: 'acme/payments-api/deployments/1502938475',
  rootCauseSha: '9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6',
  url: 'https://status.acme.example/incidents/INC-2041',
};

describe('mapIncidentPayload', () => {
  it('maps an opened incident', () => {
    const events = mapIncidentPayload(fixture('incident.opened'));
    expect(events).toEqual([
      {
        id: 'INC-2041/opened',
        source: 'incidents',
        type: 'incident.opened',
        occurredAt: '2026-11-02T15:00:00Z',
        subject: { kind: 'repository', name: 'acme/payments-api' },
        data,
      },
    ]);
    expect(validateCanonicalEvent(events[0])).toMatchObject({ ok: true });
  });

  it('maps a resolved incident', () => {
    const events = mapIncidentPayload(fixture('incident.resolved'));
    expect(events).toEqual([
      {
        id: 'INC-2041/resolved',
        source: 'incidents',
        type: 'incident.resolved',
        occurredAt: '2026-11-02T15:45:00Z',
        subject: { kind: 'repository', name: 'acme/payments-api' },
        data: { ...data, resolvedAt: '2026-11-02T15:45:00Z' },
      },
    ]);
    expect(validateCanonicalEvent(events[0])).toMatchObject({ ok: true });
  });

  it('gives a redelivery the same id', () => {
    expect(mapIncidentPayload(fixture('incident.opened'))).toEqual(
      mapIncidentPayload(fixture('incident.opened')),
    );
  });

  it.each([
    ['component:default/payments-api', 'entity'],
    ['payments-api', 'entity'],
    ['acme/payments-api', 'repository'],
  ])('takes service %s as a %s subject', (service, kind) => {
    const payload = fixture('incident.opened');
    payload.incident.service = service;
    expect(mapIncidentPayload(payload)[0].subject).toEqual({
      kind,
      name: service,
    });
  });

  it('leaves out optional fields that are absent', () => {
    const payload = fixture('incident.opened');
    delete payload.incident.causedByDeploymentId;
    delete payload.incident.rootCauseSha;
    delete payload.incident.url;
    expect(mapIncidentPayload(payload)[0].data).toEqual({
      incidentId: 'INC-2041',
      severity: 'sev2',
      openedAt: '2026-11-02T15:00:00Z',
    });
  });

  it.each<[string, (p: any) => void, RegExp]>([
    ['no action', p => delete p.action, /^invalid incident payload: action: /],
    ['an unknown action', p => (p.action = 'closed'), /action: /],
    ['no incident', p => delete p.incident, /incident: /],
    ['no id', p => delete p.incident.id, /incident\.id: /],
    ['an empty service', p => (p.incident.service = ''), /incident\.service: /],
    [
      'a numeric severity',
      p => (p.incident.severity = 2),
      /incident\.severity: /,
    ],
    [
      'a local time',
      p => (p.incident.openedAt = '2026-11-02 15:00'),
      /incident\.openedAt: must be an ISO-8601/,
    ],
    ['a bad url', p => (p.incident.url = 'not a url'), /incident\.url: /],
    [
      'a short sha',
      p => (p.incident.rootCauseSha = 'abc'),
      /incident\.rootCauseSha: /,
    ],
    ['a misspelt field', p => (p.incident.resolved_at = 'x'), /resolved_at/],
    [
      'resolved without resolvedAt',
      p => (p.action = 'resolved'),
      /incident\.resolvedAt: /,
    ],
  ])('throws InputError naming the field for %s', (_, change, message) => {
    const payload = fixture('incident.opened');
    change(payload);
    expect(() => mapIncidentPayload(payload)).toThrow(InputError);
    expect(() => mapIncidentPayload(payload)).toThrow(message);
  });

  it('throws InputError for a body that is not an object', () => {
    expect(() => mapIncidentPayload('opened')).toThrow(InputError);
  });
});
