// Inflects English glosses: a verb's -ing form, past participle and -s form, a noun's plural, an adjective's -ness noun.

/** Past participles of irregular verbs (and a few regular ones whose spelling the rules get wrong). */
const PARTICIPLE: Record<string, string> = Object.fromEntries(
	`be:been have:had do:done go:gone come:come take:taken make:made give:given get:got see:seen know:known think:thought
	say:said tell:told find:found leave:left bring:brought buy:bought build:built catch:caught choose:chosen cut:cut
	draw:drawn drink:drunk drive:driven eat:eaten fall:fallen feel:felt fight:fought fly:flown forget:forgotten
	forgive:forgiven freeze:frozen grow:grown hang:hung hear:heard hide:hidden hit:hit hold:held hurt:hurt keep:kept
	lay:laid lead:led lend:lent let:let lie:lain lose:lost mean:meant meet:met pay:paid put:put read:read ride:ridden
	ring:rung rise:risen run:run sell:sold send:sent set:set shake:shaken shine:shone shoot:shot show:shown shut:shut
	sing:sung sink:sunk sit:sat sleep:slept speak:spoken spend:spent stand:stood steal:stolen stick:stuck strike:struck
	swim:swum swing:swung teach:taught tear:torn throw:thrown understand:understood wake:woken wear:worn win:won
	write:written begin:begun bite:bitten blow:blown break:broken deal:dealt dig:dug feed:fed forbid:forbidden bear:borne
	beat:beaten become:become bend:bent bet:bet bind:bound bleed:bled breed:bred broadcast:broadcast burst:burst
	cast:cast cling:clung cost:cost creep:crept forecast:forecast grind:ground kneel:knelt leap:leapt light:lit
	mistake:mistaken overcome:overcome quit:quit seek:sought shed:shed shrink:shrunk slide:slid spin:spun spit:spat
	split:split spread:spread spring:sprung sting:stung stride:stridden strive:striven swear:sworn sweep:swept
	swell:swollen upset:upset weave:woven weep:wept wind:wound withdraw:withdrawn withhold:withheld undertake:undertaken
	undergo:undergone overthrow:overthrown uphold:upheld arise:arisen awake:awoken flee:fled fling:flung forsee:foreseen
	foresee:foreseen hang:hung prove:proven shoe:shod slay:slain sow:sown sew:sewn mow:mown saw:sawn tread:trodden
	wring:wrung rid:rid`
		.split(/\s+/)
		.map((pair) => pair.split(':') as [string, string])
);

/** Two-syllable verbs stressed on the last syllable, which double their last consonant (admitted). */
const DOUBLING = new Set(
	'admit commit permit submit omit emit transmit refer prefer confer defer occur recur deter control patrol compel expel propel repel dispel regret forget begin equip acquit rebel upset'.split(
		' '
	)
);

const IRREGULAR_PLURAL: Record<string, string> = {
	man: 'men',
	woman: 'women',
	child: 'children',
	person: 'people',
	foot: 'feet',
	tooth: 'teeth',
	mouse: 'mice',
	goose: 'geese',
	ox: 'oxen',
	knife: 'knives',
	wife: 'wives',
	life: 'lives',
	leaf: 'leaves',
	half: 'halves',
	shelf: 'shelves',
	thief: 'thieves',
	wolf: 'wolves',
	loaf: 'loaves',
	calf: 'calves',
	sheep: 'sheep',
	fish: 'fish',
	deer: 'deer',
	series: 'series',
	species: 'species',
	crisis: 'crises',
	analysis: 'analyses',
	thesis: 'theses',
	criterion: 'criteria',
	phenomenon: 'phenomena',
	hero: 'heroes',
	potato: 'potatoes',
	tomato: 'tomatoes',
	echo: 'echoes'
};

/** Nouns that have no plural: "various X" rather than "various Xs". */
const UNCOUNTABLE = new Set(
	`money water rice information news advice furniture equipment police evidence research traffic weather luggage baggage
	knowledge homework work progress health wealth music sugar salt oil milk meat bread gold silver sand dust mud rain snow
	air land grass hair trade commerce farming justice peace freedom respect honour honor love hatred anger fear courage
	patience help support attention determination power strength safety security poverty violence importance
	education pollution corruption happiness sadness trust confidence wisdom luck damage harm fun`.split(
		/\s+/
	)
);

/** Whether a verb doubles its final consonant before -ed and -ing: stop → stopped, admit → admitted, visit → visited. */
function doubles(verb: string): boolean {
	if (DOUBLING.has(verb)) return true;
	// One vowel (one syllable), then a single consonant other than w, x, y: stop, plan, rob.
	return (
		/^[^aeiou]*[aeiou][bcdfgklmnprstvz]$/.test(verb) && !/^[^aeiou]*(?:qu)?[aeiou]{2}/.test(verb)
	);
}

/**
 * The past participle of a verb, or of the first word of a phrasal verb.
 * @example pastParticiple('press') → 'pressed'; pastParticiple('write') → 'written'; pastParticiple('pick up') → 'picked up'
 */
export function pastParticiple(verb: string): string {
	return onFirstWord(verb, (w) => {
		if (PARTICIPLE[w]) return PARTICIPLE[w];
		if (w.endsWith('e')) return `${w}d`;
		if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ied`;
		if (/c$/.test(w) && w.length > 3) return `${w}ked`; // panic → panicked
		if (doubles(w)) return `${w}${w.slice(-1)}ed`;
		return `${w}ed`;
	});
}

/**
 * The -ing form of a verb, or of the first word of a phrasal verb.
 * @example presentParticiple('make') → 'making'; presentParticiple('stop') → 'stopping'; presentParticiple('be present') → 'being present'
 */
export function presentParticiple(verb: string): string {
	return onFirstWord(verb, (w) => {
		if (w === 'be') return 'being';
		if (/ie$/.test(w)) return `${w.slice(0, -2)}ying`;
		if (/[^eoy]e$/.test(w) && w.length > 2) return `${w.slice(0, -1)}ing`;
		if (/c$/.test(w) && w.length > 3) return `${w}king`;
		if (doubles(w)) return `${w}${w.slice(-1)}ing`;
		return `${w}ing`;
	});
}

/**
 * The third person singular present of a verb, or of the first word of a phrasal verb.
 * @example thirdPerson('write') → 'writes'; thirdPerson('carry') → 'carries'; thirdPerson('go out') → 'goes out'
 */
export function thirdPerson(verb: string): string {
	return onFirstWord(verb, (w) => {
		if (w === 'be') return 'is';
		if (w === 'have') return 'has';
		if (/(?:s|x|z|ch|sh|^go|^do)$/.test(w)) return `${w}es`;
		if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
		return `${w}s`;
	});
}

/**
 * The plural of a noun: of the word before "of" (piece of paper → pieces of paper), else of its
 * last word outside brackets; uncountable nouns stay as they are.
 * @example plural('country') → 'countries'; plural('elder brother') → 'elder brothers'; plural('rice') → 'rice'
 */
export function plural(noun: string): string {
	const of = /^(.*?)(\S+)( of .*)$/.exec(noun);
	if (of) return `${of[1]}${pluralWord(of[2])}${of[3]}`;
	const m = /^(.*?)([A-Za-z]+)((?:\s*\([^)]*\))?)$/.exec(noun);
	if (!m) return noun;
	return `${m[1]}${pluralWord(m[2])}${m[3]}`;
}

function pluralWord(w: string): string {
	const lower = w.toLowerCase();
	if (UNCOUNTABLE.has(lower)) return w;
	if (IRREGULAR_PLURAL[lower]) return IRREGULAR_PLURAL[lower];
	if (/(?:s|x|z|ch|sh)$/.test(lower)) return `${w}es`;
	if (/[^aeiou]y$/.test(lower)) return `${w.slice(0, -1)}ies`;
	return `${w}s`;
}

/**
 * Whether a noun has no plural.
 * @example isUncountable('rice') → true; isUncountable('house') → false
 */
export function isUncountable(noun: string): boolean {
	return UNCOUNTABLE.has(noun.toLowerCase());
}

/** Nouns of common adjectives that are not made with -ness. */
const ADJECTIVE_NOUN: Record<string, string> = {
	strong: 'strength',
	long: 'length',
	wide: 'width',
	broad: 'breadth',
	deep: 'depth',
	high: 'height',
	true: 'truth',
	warm: 'warmth',
	free: 'freedom',
	wise: 'wisdom',
	poor: 'poverty',
	safe: 'safety',
	secure: 'security',
	important: 'importance',
	able: 'ability',
	possible: 'possibility',
	difficult: 'difficulty',
	honest: 'honesty',
	certain: 'certainty',
	simple: 'simplicity',
	stable: 'stability',
	equal: 'equality',
	real: 'reality',
	brave: 'bravery',
	proud: 'pride',
	hot: 'heat',
	cold: 'cold',
	young: 'youth',
	beautiful: 'beauty',
	healthy: 'health',
	wealthy: 'wealth',
	rich: 'wealth',
	just: 'justice',
	fair: 'fairness',
	evil: 'evil',
	angry: 'anger',
	hungry: 'hunger',
	thirsty: 'thirst',
	dead: 'death',
	present: 'presence',
	absent: 'absence',
	independent: 'independence',
	silent: 'silence',
	violent: 'violence',
	patient: 'patience',
	different: 'difference',
	peaceful: 'peace',
	successful: 'success',
	famous: 'fame',
	dangerous: 'danger',
	curious: 'curiosity',
	generous: 'generosity',
	serious: 'seriousness',
	clear: 'clarity',
	pure: 'purity',
	sure: 'certainty',
	necessary: 'necessity',
	available: 'availability',
	responsible: 'responsibility',
	active: 'activity',
	creative: 'creativity',
	sensitive: 'sensitivity'
};

/**
 * The usual English noun of a one-word adjective: a known one (strong → strength, safe → safety),
 * else its -ness noun when it has one.
 * @example adjectiveNoun('strong') → 'strength'; adjectiveNoun('happy') → 'happiness'; adjectiveNoun('out of date') → undefined
 */
export function adjectiveNoun(adjective: string): string | undefined {
	return ADJECTIVE_NOUN[adjective] ?? ness(adjective);
}

/**
 * The -ness noun of a short one-word adjective; undefined for phrases and for long or Latinate
 * adjectives, whose nouns are made otherwise (important → importance, not importantness).
 * @example ness('happy') → 'happiness'; ness('safe') → 'safeness'; ness('out of date') → undefined
 */
export function ness(adjective: string): string | undefined {
	if (!/^[a-z]+$/.test(adjective) || /(?:ent|ant|al|ic|ous|ive|ible|able|ed|ing)$/.test(adjective))
		return undefined;
	if ((adjective.replace(/e$/, '').match(/[aeiouy]+/g)?.length ?? 0) > 2) return undefined;
	if (/[^aeiou]y$/.test(adjective) && adjective.length > 3) return `${adjective.slice(0, -1)}iness`;
	return `${adjective}ness`;
}

function onFirstWord(phrase: string, change: (word: string) => string): string {
	const m = /^(\S+)(.*)$/.exec(phrase.trim());
	if (!m) return phrase;
	return change(m[1].toLowerCase()) + m[2];
}

/**
 * "a" or "an" before a noun, as far as its spelling tells: an apple, a university, an hour.
 * @example withArticle('bicycle') → 'a bicycle'; withArticle('hour') → 'an hour'; withArticle('money') → 'money'
 */
export function withArticle(noun: string): string {
	const first = /^[A-Za-z]+/.exec(noun)?.[0];
	if (!first || isUncountable(first)) return noun;
	const an =
		(/^[aeiou]/i.test(noun) && !/^(?:uni|use|usu|eu|one|once)/i.test(noun)) ||
		/^(?:hour|honest|honour|heir)/i.test(noun);
	return `${an ? 'an' : 'a'} ${noun}`;
}

const COMPARATIVE: Record<string, [string, string]> = {
	good: ['better', 'best'],
	bad: ['worse', 'worst'],
	far: ['further', 'furthest'],
	many: ['more', 'most'],
	much: ['more', 'most'],
	little: ['less', 'least'],
	well: ['better', 'best']
};

/** Whether an adjective takes -er and -est: one syllable (big, safe, strong) or two ending in -y (happy). */
function takesEr(adjective: string): boolean {
	if (!/^[a-z]+$/.test(adjective)) return false;
	const syllables = adjective.replace(/e$/, '').match(/[aeiouy]+/g)?.length ?? 0;
	return syllables <= 1 || (syllables === 2 && /[^aeiou]y$/.test(adjective));
}

function withEr(adjective: string, ending: 'er' | 'est'): string {
	if (adjective.endsWith('e')) return adjective + ending.slice(1);
	if (/[^aeiou]y$/.test(adjective)) return adjective.slice(0, -1) + 'i' + ending;
	if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(adjective))
		return adjective + adjective.slice(-1) + ending;
	return adjective + ending;
}

/**
 * The comparative of an adjective.
 * @example comparative('strong') → 'stronger'; comparative('big') → 'bigger'; comparative('beautiful') → 'more beautiful'
 */
export function comparative(adjective: string): string {
	if (COMPARATIVE[adjective]) return COMPARATIVE[adjective][0];
	return takesEr(adjective) ? withEr(adjective, 'er') : `more ${adjective}`;
}

/**
 * The superlative of an adjective.
 * @example superlative('big') → 'biggest'; superlative('happy') → 'happiest'; superlative('important') → 'most important'
 */
export function superlative(adjective: string): string {
	if (COMPARATIVE[adjective]) return COMPARATIVE[adjective][1];
	return takesEr(adjective) ? withEr(adjective, 'est') : `most ${adjective}`;
}

const ORDINAL: Record<string, string> = {
	one: 'first',
	two: 'second',
	three: 'third',
	five: 'fifth',
	eight: 'eighth',
	nine: 'ninth',
	twelve: 'twelfth'
};

/**
 * The ordinal of an English number word; undefined for anything else.
 * @example ordinal('two') → 'second'; ordinal('seven') → 'seventh'; ordinal('twenty') → 'twentieth'; ordinal('hundred') → 'hundredth'
 */
export function ordinal(number: string): string | undefined {
	if (ORDINAL[number]) return ORDINAL[number];
	if (
		/^(?:four|six|seven|ten|eleven|thir|four|fif|six|seven|eigh|nine)?teen$|^(?:four|six|seven|ten|eleven|hundred|thousand|million|billion)$/.test(
			number
		)
	)
		return `${number}th`;
	if (/ty$/.test(number)) return `${number.slice(0, -1)}ieth`;
	return undefined;
}
