import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../../../renderer/app/use-hash-route';

const id = '0b6c1f7e-2f4d-4c3a-9a51-7d2e1c0f9a11';

describe('the debrief’s routes', () => {
  it.each<[string, Route | null]>([
    [`#/debrief/${id}`, { screen: 'debrief', id, scope: 'interview' }],
    [`#/debrief/${id}/candidate`, { screen: 'debrief', id, scope: 'candidate' }],
    [`#/debrief/${id}/other`, null],
    [`#/debrief/${id}/candidate/x`, null],
    ['#/debrief/not-an-id', null],
    ['#/debrief', null],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    if (route) expect(routeHref(route)).toBe(hash);
  });
});
