export { defineJob, defineSweep, type EnqueueOptions, type JobContext, type JobHandle, type JobOptions, type SweepHandle } from './define';
export { createJobEngine, type FailedJob, type JobEngine, type JobStats, type QueueStats } from './engine';
