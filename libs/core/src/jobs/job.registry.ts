/**
 * Every queue, every job and every job's payload, in one place.
 *
 * WARNING: queue and job names are stored in Redis and in outbox rows. Renaming a value strands
 * the jobs and events already written under the old name: add a new name and migrate instead.
 */
export enum QueueName {
  Email = 'email',
}

export enum JobName {
  /** An organisation admin invited someone: send them the invitation e-mail. */
  InvitationEmail = 'invitation.email',
}

export interface JobPayloads {
  [JobName.InvitationEmail]: { invitationId: string };
}

/** Which queue carries each job. A job missing here fails to compile. */
export const JOB_QUEUE: { readonly [J in JobName]: QueueName } = {
  [JobName.InvitationEmail]: QueueName.Email,
};

export type JobPayload<J extends JobName> = JobPayloads[J];

export function isJobName(name: string): name is JobName {
  return (Object.values(JobName) as string[]).includes(name);
}

/** Redis hash where workers count job outcomes, so every replica's add up in the api's /metrics. */
export const JOB_OUTCOME_KEY = (queue: QueueName | string): string => `tandem:metrics:jobs:${queue}`;
