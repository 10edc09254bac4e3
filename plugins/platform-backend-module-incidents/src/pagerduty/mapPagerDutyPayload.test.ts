import { InputError } from '@backstage/errors';
import { validateCanonicalEvent } from '@goldenpath/plugin-platform-common';
import { fixture } from '../__testUtils__/fixture';
import { mapPagerDutyPayload } from './mapPagerDutyPayload';

const options = {
  services: { PF9KMXH: 'component:default/payments-api' },
};
const data = {
  incidentId: 'Q2KPZ7X1ABCDEF',
  severity: 'P1',
  openedAt: '2026-11-02T15:01:12Z',
  url: 'https://acme.pagerduty.com/incidents/Q2KPZ7X1ABCDEF',
};
const subject = { kind: 'entity', name: 'component:default/payments-api' };

describe('mapPagerDutyPayload', () => {
  it('maps incident.triggered to incident.opened', () => {
    const events = mapPagerDutyPayload(
      fixture('pagerduty.incident.triggered'),
      options,
    );
    expect(events).toEqual([
      {
        id: 'Q2KPZ7X1ABCDEF/opened',
        source: 'pagerduty',
        type: 'incident.opened',
        occurredAt: '2026-11-02T15:01:12Z',
        subject,
        data,
      },
    ]);
    expect(validateCanonicalEvent(events[0])).toMatchObject({ ok: true });
  });

  it('maps incident.resolved to incident.resolved', () => {
    const events = mapPagerDutyPayload(
      fixture('pagerduty.incident.resolved'),
      options,
    );
    expect(events).toEqual([
      {
        id: 'Q2KPZ7X1ABCDEF/resolved',
        source: 'pagerduty',
        type: 'incident.resolved',
        occurredAt: '2026-11-02T15:47:03.881Z',
        subject,
        data: { ...data, resolvedAt: '2026-11-02T15:47:03.881Z' },
      },
    ]);
    expect(validateCanonicalEvent(events[0])).toMatchObject({ ok: true });
  });

  it.each(['pagerduty.incident.acknowledged', 'pagerduty.pagey.ping'])(
    'maps %s to nothing',
    name => {
      expect(mapPagerDutyPayload(fixture(name), options)).toEqual([]);
    },
  );

  it('maps incident.reopened to nothing (the opening is already stored)', () => {
    const payload = fixture('pagerduty.incident.triggered');
    payload.event.event_type = 'incident.reopened';
    expect(mapPagerDutyPayload(payload, options)).toEqual([]);
  });

  it('uses the urgency when the incident has no priority', () => {
    const payload = fixture('pagerduty.incident.triggered');
    payload.event.data.priority = null;
    expect(mapPagerDutyPayload(payload, options)[0].data).toMatchObject({
      severity: 'high',
    });
  });

  it('falls back to occurred_at when created_at is absent', () => {
    const payload = fixture('pagerduty.incident.triggered');
    delete payload.event.data.created_at;
    expect(mapPagerDutyPayload(payload, options)[0].data).toMatchObject({
      openedAt: '2026-11-02T15:01:12.169Z',
    });
  });

  it('attributes an unmapped service to an entity named after it', () => {
    const [event] = mapPagerDutyPayload(
      fixture('pagerduty.incident.triggered'),
      { services: {} },
    );
    expect(event.subject).toEqual({ kind: 'entity', name: 'payments-api' });
  });

  it('never carries responders or assignees', () => {
    for (const name of [
      'pagerduty.incident.triggered',
      'pagerduty.incident.resolved',
    ]) {
      expect(
        JSON.stringify(mapPagerDutyPayload(fixture(name), options)),
      ).not.toMatch(/On-Call Engineer|PLH1HKV/);
    }
  });

  it.each<[string, (p: any) => void, RegExp]>([
    [
      'no event',
      p => delete p.event,
      /^invalid PagerDuty webhook payload: event: /,
    ],
    ['no incident id', p => delete p.event.data.id, /event\.data\.id: /],
    ['no service', p => delete p.event.data.service, /event\.data\.service: /],
    [
      'a bad occurred_at',
      p => (p.event.occurred_at = 'yesterday'),
      /event\.occurred_at: /,
    ],
    ['no urgency', p => delete p.event.data.urgency, /event\.data\.urgency: /],
  ])('throws InputError naming the field for %s', (_, change, message) => {
    const payload = fixture('pagerduty.incident.triggered');
    change(payload);
    expect(() => mapPagerDutyPayload(payload, options)).toThrow(InputError);
    expect(() => mapPagerDutyPayload(payload, options)).toThrow(message);
  });
});
