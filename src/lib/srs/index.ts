export { grade, previewIntervals, autoGrade, replay, newCardState, GRADES } from './grade';
export type { GradeInput } from './grade';
export { buildQueue, sessionOrder, doneToday, nextLearningDue, DEFAULT_LIMITS, DEFAULT_DAY_START_HOUR } from './queue';
export type { Queue, QueueInput, DailyLimits, DoneToday } from './queue';
export { startOfDay, nextDayStart } from './day';
export { formatInterval, describeInterval } from './format';
export { scheduler } from './scheduler';
export { Rating, State, DEFAULT_SCHEDULER } from './constants';
export type { CardState, ReviewRecord, SchedulerSettings, Grade } from './types';
