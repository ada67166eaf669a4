import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@tandem/core';
import { CreateGoodIdeaDto } from './create-good-idea.dto';
import { ListPublicGoodIdeasDto } from './list-good-ideas.dto';
import { TransitionGoodIdeaDto } from './good-idea-review.dto';
import { slugFor } from '../good-ideas.service';
import { addDays, describeSlot } from '../good-idea-travel.service';

const fields = (cls: new () => object, body: object) => [
  ...new Set(
    flattenValidationErrors(
      validateSync(plainToInstance(cls, body), { whitelist: true, forbidNonWhitelisted: true }),
    ).map((e) => e.field),
  ),
];

describe('good idea DTOs', () => {
  it('names each bad field, nested ones by path', () => {
    expect(
      fields(CreateGoodIdeaDto, {
        title: 'Ok title',
        city: 'Riverton',
        country: 'XX',
        languages: ['en', 'de'],
        partners: [{ kind: 'bank', role: 'funds' }],
        texts: { fr: { title: 5 } },
      }),
    ).toEqual(expect.arrayContaining(['country', 'languages', 'partners.0.kind', 'texts.fr.title']));
  });

  it('treats blank form fields of the public catalogue as absent', () => {
    expect(
      fields(ListPublicGoodIdeasDto, {
        q: '',
        country: '',
        dimension: '',
        gcmObjective: '',
        partnerKind: '',
      }),
    ).toEqual([]);
    expect(fields(ListPublicGoodIdeasDto, { dimension: 'magic', gcmObjective: '40', country: 'pt' })).toEqual(
      ['dimension', 'gcmObjective'],
    );
  });

  it('requires a reason to return an idea', () => {
    expect(fields(TransitionGoodIdeaDto, { to: 'returned' })).toEqual(['reason']);
    expect(fields(TransitionGoodIdeaDto, { to: 'published' })).toEqual([]);
  });
});

describe('good idea helpers', () => {
  it('makes readable slugs, folding accents, and falls back for other scripts', () => {
    expect(slugFor('Des emplois de survie à une récolte Riverton')).toBe(
      'des-emplois-de-survie-a-une-recolte-riverton',
    );
    expect(slugFor('اللغة في العمل', '0123456789ab')).toBe('idea-01234567');
  });

  it('shifts dates and describes open partner slots by kind', () => {
    expect(addDays('2028-03-01', 89)).toBe('2028-05-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(describeSlot({ kind: 'employer', sector: 'C', governmentLevel: null })).toBe(
      'an employer in sector C',
    );
    expect(describeSlot({ kind: 'government', sector: null, governmentLevel: 'municipal' })).toBe(
      'a municipal government',
    );
    expect(describeSlot({ kind: 'migrant_association', sector: null, governmentLevel: null })).toBe(
      'a migrant association',
    );
  });
});
