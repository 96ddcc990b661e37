import { describe, expect, it } from 'vitest';
import { ENGINE_MESSAGES_EN } from '../../../src/engine/messages';
import { EN } from '../../../src/i18n/en';
import { createTranslator } from '../../../src/i18n/translate';
import { STARTER } from '../../../src/scenarios/starter';

const t = createTranslator(EN);

describe('The message catalog', () => {
  it('fills placeholders', () => {
    expect(t('graph.traceOf', { n: 2, count: 3 })).toBe('Request 2 of 3');
  });

  it('renders engine messages under the engine. prefix', () => {
    expect(t('engine.storage.created', { key: '/registry/pods/default/nginx', revision: 12 })).toBe(
      'Wrote /registry/pods/default/nginx at revision 12.',
    );
    for (const id of Object.keys(ENGINE_MESSAGES_EN)) expect(EN).toHaveProperty([`engine.${id}`]);
  });

  it('has a label for every starter example', () => {
    for (const example of STARTER.examples) expect(EN).toHaveProperty([`example.${example.id}`]);
  });

  it('shows the key for a missing message rather than failing', () => {
    expect(t('engine.no.such.id')).toBe('engine.no.such.id');
  });
});
