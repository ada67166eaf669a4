import type { components } from '../../api/schema';
import { Key } from '../../i18n';

export type Dimension = NonNullable<components['schemas']['CreateProgrammeDto']['dimensions']>[number];

export const DIMENSIONS: Dimension[] = [
  'economic',
  'social',
  'cultural',
  'linguistic',
  'civic_political',
  'legal',
  'education',
  'health',
  'housing',
];

export const PROGRAMME_STATUSES = [
  'draft',
  'active',
  'suspended',
  'completed',
  'archived',
  'cancelled',
] as const;

export const PARTNER_ROLES = ['funder', 'implementer', 'service_provider', 'advisor', 'observer'] as const;

export const TASK_STATES = ['todo', 'in_progress', 'blocked', 'done'] as const;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Which moves a task may make from a state (the API has the last word). */
export const TASK_MOVES: Record<string, ('todo' | 'in_progress' | 'blocked' | 'done')[]> = {
  todo: ['in_progress'],
  in_progress: ['done', 'blocked'],
  blocked: ['in_progress'],
  done: ['in_progress'],
  cancelled: [],
};

export const moveLabel = (from: string, to: string): Key =>
  from === 'done' && to === 'in_progress' ? 'task.move.reopen' : (`task.move.${to}` as Key);

export const PROGRAMME_MOVES: Record<string, (typeof PROGRAMME_STATUSES)[number][]> = {
  draft: ['active', 'cancelled'],
  active: ['suspended', 'completed'],
  suspended: ['active', 'completed'],
  completed: ['archived'],
  archived: [],
  cancelled: [],
};
