// Scheduling's public face: what the rest of the app may use of src/lib/srs/. FSRS through ts-fsrs
// (one adapter, schedule.ts), today's queue, the learner's settings, statistics and word states.

export { CardState, DEFAULT_WEIGHTS, newCard, retrievability } from './memory';
export {
	answer,
	dayLeft,
	FRESH_SPARE,
	LEARN_AHEAD_MS,
	nextLearningDue,
	pickNext,
	queueCounts,
	reviewSpare,
	siblingOfId,
	studyDay,
	undo,
	type AnswerToday,
	type DayLeft,
	type Queue,
	type QueueCard,
	type QueueCounts,
	type QueueUndo,
	type StudyDay
} from './queue';
export {
	formatInterval,
	GRADE_NAMES,
	GRADES,
	Rating,
	Scheduler,
	State,
	type Card,
	type Grade,
	type Outcome
} from './schedule';
export {
	DEFAULT_SETTINGS,
	normaliseSettings,
	validateSettings,
	type SchedulerSettings
} from './settings';
export {
	cumulative,
	forecast,
	MATURE_DAYS,
	passed,
	retentionBucket,
	retentionByMonth,
	ReviewStats,
	studyDays,
	type DayCount,
	type RetentionPoint,
	type StatReview
} from './stats';
export {
	cardTally,
	readable,
	readableTally,
	WORD_STATES,
	wordStatus,
	type ReadableTally,
	type WordCard,
	type WordState,
	type WordStatus
} from './word-state';
export {
	cardHistories,
	fsrsItems,
	optimiserInput,
	splitByTime,
	studyDayNumber,
	type CardHistory,
	type FsrsItem,
	type OptimiserInput,
	type ReviewRecord
} from './fsrs-items';
export {
	evaluate,
	expectedReviewsPerDay,
	memoryModel,
	predictions,
	weightsAsScheduled,
	type Fit,
	type Memory,
	type MemoryModel
} from './parameter-fit';
