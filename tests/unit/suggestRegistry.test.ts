import { describe, expect, it } from 'vitest';
import { rejectionLimit, suggestAnnotations, type RegistryName, type RejectedName } from '../../common/suggestions';

const registry: RegistryName[] = [
  { entityId: 'ent_paris', name: 'Paris', aliases: [], type: 'place' },
  { entityId: 'ent_obs', name: 'Syrian Observatory for Human Rights', aliases: ['SOHR', 'the Observatory'], type: 'organisation' },
];

function entities(text: string, rejected: RejectedName[] = []): string[] {
  return suggestAnnotations({ blocks: [{ text, type: 'paragraph' }], registry, rejected }, { kinds: ['entity'] }).entities.map(
    (entity) => `${entity.text}:${entity.entityType}:${entity.entityId ?? '-'}`,
  );
}

describe('registry as a gazetteer', () => {
  it('suggests accepted names and aliases with their entity linked', () => {
    expect(entities('Monitors from SOHR counted the dead near Paris.')).toEqual(['SOHR:organisation:ent_obs', 'Paris:place:ent_paris']);
  });

  it('lets evidence in the article outrank the registry', () => {
    expect(entities('The swimmer Valeska Paris said she would appeal. Later Paris said the ruling was unfair.')).toEqual([
      'Valeska Paris:person:-',
      'Paris:person:-',
    ]);
  });

  it('stops suggesting a name as a type rejected three times, and only as that type', () => {
    expect(rejectionLimit).toBe(3);
    const text = 'Crowds gathered in Paris on Sunday.';
    expect(entities(text, [{ name: 'Paris', entityType: 'place', count: 2 }])).toEqual(['Paris:place:ent_paris']);
    expect(entities(text, [{ name: 'paris', entityType: 'place', count: 3 }])).toEqual([]);
    expect(entities(text, [{ name: 'Paris', entityType: 'person', count: 5 }])).toEqual(['Paris:place:ent_paris']);
  });
});
