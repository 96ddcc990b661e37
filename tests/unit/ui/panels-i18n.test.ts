import { describe, expect, it } from 'vitest';
import { EN } from '../../../src/i18n/en';
import { parseRawRequest } from '../../../src/ui/panels/composer/parse-raw-request';

describe('The panels’ messages', () => {
  it('has a message for every raw-request error the parser reports', () => {
    const result = parseRawRequest({ method: 'X', path: 'a b', headers: 'nocolon\nbad name: x', body: '' });
    const ids = result.ok ? [] : result.errors.map((e) => e.message);
    expect(ids.length).toBeGreaterThan(2);
    for (const id of [...ids, 'raw.error.pathEmpty', 'raw.error.pathSpace']) expect(EN).toHaveProperty([id]);
  });

  it('names every watch event type and diff line kind the panels build keys for at run time', () => {
    for (const type of ['ADDED', 'MODIFIED', 'DELETED']) expect(EN).toHaveProperty([`watch.event.${type}`]);
    for (const kind of ['added', 'removed']) expect(EN).toHaveProperty([`etcd.diff.${kind}`]);
  });

  it('labels the raw form’s fields as the issue asks', () => {
    expect([EN['raw.method'], EN['raw.path'], EN['raw.headers'], EN['raw.body']]).toEqual([
      'Method',
      'Path',
      'Headers',
      'Body',
    ]);
  });
});
