export { grade, forget, previewIntervals, autoGrade, replay, replaySteps, replayOnto, newCardState, GRADES, InvalidScheduleError } from './grade';
export type { GradeInput, ForgetInput } from './grade';
export { buildQueue, queueCounts, sessionOrder, interleave, dueFacts, nextLearningDue, DEFAULT_LIMITS, DEFAULT_DAY_START_HOUR } from './queue';
export { upcoming, startMix, pickNext, learnMoreCount } from './pick';
export type { Queue, QueueInput, QueueCard, DailyLimits, DueFacts } from './queue';
export type { Mix } from './pick';
export { isStudied, isHidden, isBuried, introducedSince, doneToday, dueKind, dueWindow, isDueToday, reviewRoom, newRoom } from './facts';
export type { DoneToday, DueKind, DueWindow, DayLog, HideMarks } from './facts';
export { startOfDay, nextDayStart } from './day';
export { formatInterval, describeInterval } from './format';
export { scheduler } from './scheduler';
export {
	STEP_PATTERN,
	MIN_STEP_MINUTES,
	MAX_STEP_MINUTES,
	MIN_INTERVAL_DAYS,
	MAX_INTERVAL_DAYS,
	MIN_RETENTION,
	MAX_RETENTION,
	MAX_STEPS,
	stepMinutes,
	validStep,
	isValidStep,
	boundedSettings
} from './bounds';
export { Rating, State, DEFAULT_SCHEDULER, EARLIEST, isPlausibleTime } from './constants';
export type { CardState, ReviewRecord, SchedulerSettings, Grade, LogRating } from './types';
export { streak, recalledShare, MASTERED_STABILITY } from './stats';
export { cardRecall } from './recall';
export { memoryOf, coverage, knownShare, sumMemory, percentOf, MEMORY_WORDS } from './memory';
export type { Memory } from './memory';
