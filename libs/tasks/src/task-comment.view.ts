export class TaskCommentView {
  id!: string;
  taskId!: string;
  authorUserId!: string;
  authorName!: string;
  body!: string;
  mentionedUserIds!: string[];
  createdAt!: Date;
}
