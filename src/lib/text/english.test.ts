import { describe, expect, it } from 'vitest';
import {
	adjectiveNoun,
	comparative,
	isUncountable,
	ness,
	ordinal,
	pastParticiple,
	plural,
	presentParticiple,
	superlative,
	thirdPerson,
	withArticle
} from './english';

describe('verb forms', () => {
	it.each([
		['press', 'pressed', 'pressing', 'presses'],
		['write', 'written', 'writing', 'writes'],
		['stop', 'stopped', 'stopping', 'stops'],
		['visit', 'visited', 'visiting', 'visits'],
		['admit', 'admitted', 'admitting', 'admits'],
		['carry', 'carried', 'carrying', 'carries'],
		['play', 'played', 'playing', 'plays'],
		['die', 'died', 'dying', 'dies'],
		['see', 'seen', 'seeing', 'sees'],
		['go', 'gone', 'going', 'goes'],
		['fix', 'fixed', 'fixing', 'fixes'],
		['panic', 'panicked', 'panicking', 'panics'],
		['open', 'opened', 'opening', 'opens'],
		['emphasise', 'emphasised', 'emphasising', 'emphasises'],
		['pick up', 'picked up', 'picking up', 'picks up'],
		['raise (a hand)', 'raised (a hand)', 'raising (a hand)', 'raises (a hand)'],
		['be absent', 'been absent', 'being absent', 'is absent']
	])('%s: %s, %s, %s', (verb, participle, ing, third) => {
		expect(pastParticiple(verb)).toBe(participle);
		expect(presentParticiple(verb)).toBe(ing);
		expect(thirdPerson(verb)).toBe(third);
	});
});

describe('noun forms', () => {
	it.each([
		['house', 'houses'],
		['country', 'countries'],
		['box', 'boxes'],
		['church', 'churches'],
		['day', 'days'],
		['child', 'children'],
		['knife', 'knives'],
		['elder brother', 'elder brothers'],
		['piece of paper', 'pieces of paper'],
		['people (of a country)', 'peoples (of a country)'],
		['rice', 'rice'],
		['money', 'money']
	])('plural(%j) is %j', (noun, expected) => {
		expect(plural(noun)).toBe(expected);
	});

	it.each([
		['bicycle', 'a bicycle'],
		['apple', 'an apple'],
		['university', 'a university'],
		['hour', 'an hour'],
		['elder brother', 'an elder brother'],
		['money', 'money']
	])('withArticle(%j) is %j', (noun, expected) => {
		expect(withArticle(noun)).toBe(expected);
	});

	it('knows a few nouns have no plural', () => {
		expect(isUncountable('Information')).toBe(true);
		expect(isUncountable('house')).toBe(false);
	});
});

describe('adjective forms', () => {
	it.each([
		['strong', 'stronger', 'strongest', 'strongness'],
		['big', 'bigger', 'biggest', 'bigness'],
		['safe', 'safer', 'safest', 'safeness'],
		['happy', 'happier', 'happiest', 'happiness'],
		['good', 'better', 'best', 'goodness'],
		['weak', 'weaker', 'weakest', 'weakness'],
		['important', 'more important', 'most important', undefined],
		['beautiful', 'more beautiful', 'most beautiful', undefined],
		['tired', 'more tired', 'most tired', undefined]
	])('%s: %s, %s, %s', (adjective, more, most, noun) => {
		expect(comparative(adjective)).toBe(more);
		expect(superlative(adjective)).toBe(most);
		expect(ness(adjective)).toBe(noun);
	});

	it.each([
		['strong', 'strength'],
		['safe', 'safety'],
		['wise', 'wisdom'],
		['important', 'importance'],
		['happy', 'happiness'],
		['clean', 'cleanness'],
		['out of date', undefined]
	])('adjectiveNoun(%j) is %j', (adjective, noun) => {
		expect(adjectiveNoun(adjective)).toBe(noun);
	});

	it('makes no -ness noun of a phrase', () => {
		expect(ness('out of date')).toBeUndefined();
		expect(comparative('out of date')).toBe('more out of date');
	});
});

describe('ordinal', () => {
	it.each([
		['one', 'first'],
		['two', 'second'],
		['three', 'third'],
		['five', 'fifth'],
		['seven', 'seventh'],
		['twelve', 'twelfth'],
		['fifteen', 'fifteenth'],
		['twenty', 'twentieth'],
		['hundred', 'hundredth'],
		['several', undefined]
	])('ordinal(%j) is %j', (n, expected) => {
		expect(ordinal(n)).toBe(expected);
	});
});
