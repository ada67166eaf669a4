/**
 * What good ideas tell people, as notification types of the existing façade (texts in
 * libs/notifications/src/notification-texts.ts, in every supported language). The params each
 * carries are typed here so every `notify` call sends what its text needs.
 */
export const GoodIdeaNotification = {
  Submitted: 'good_idea.submitted',
  Returned: 'good_idea.returned',
  Published: 'good_idea.published',
  Endorsed: 'good_idea.endorsed',
  Adapted: 'good_idea.adapted',
} as const;
export type GoodIdeaNotificationType = (typeof GoodIdeaNotification)[keyof typeof GoodIdeaNotification];

export interface GoodIdeaNotificationParams {
  [GoodIdeaNotification.Submitted]: { ideaTitle: string; organizationName: string };
  [GoodIdeaNotification.Returned]: { ideaTitle: string; reason: string };
  [GoodIdeaNotification.Published]: { ideaTitle: string; slug: string };
  [GoodIdeaNotification.Endorsed]: { ideaTitle: string; organizationName: string; statement: string };
  [GoodIdeaNotification.Adapted]: {
    ideaTitle: string;
    organizationName: string;
    city: string;
    startDate: string;
  };
}

/** The subject type of every good-idea notification (links to the console's idea page). */
export const GOOD_IDEA_SUBJECT = 'good_idea';
