import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { ActorLoader, User } from '@tandem/auth';
import { CoreError, CoreErrorCode, Page, PageQueryDto, Actor } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { ProgrammeAccessService } from '@tandem/programmes';
import { EntityManager } from 'typeorm';
import { CreateTaskCommentDto } from './dto';
import { TaskComment } from './entities';
import { excerpt, parseMentions } from './mentions';
import { TaskCommentsRepository } from './task-comments.repository';
import { TaskAccessService } from './task-access.service';
import { TasksRepository } from './tasks.repository';
import { TaskCommentView } from './task-comment.view';

@Injectable()
export class TaskCommentsService {
  constructor(
    private readonly comments: TaskCommentsRepository,
    private readonly write: DomainWrite,
    private readonly taskAccess: TaskAccessService,
    private readonly programmes: ProgrammeAccessService,
    private readonly tasks: TasksRepository,
    private readonly notifications: NotificationsService,
    private readonly actors: ActorLoader,
  ) {}

  /**
   * Programme managers and working partners comment; observers read. People @mentioned by e-mail
   * are told, but only those who may read the programme: a mention never reaches an outsider
   * (nor confirms that an address has an account).
   */
  async add(actor: Actor, taskId: string, dto: CreateTaskCommentDto): Promise<TaskCommentView> {
    return this.write.run(async (em) => {
      const { task, access } = await this.taskAccess.load(actor, taskId, em);
      this.taskAccess.assertCanComment(access);
      this.taskAccess.assertProgrammeOpen(access);
      const mentioned = await this.readersAmong(em, task.programmeId, parseMentions(dto.body));
      const comment = await em.save(
        TaskComment,
        em.create(TaskComment, {
          taskId,
          authorUserId: actor.userId,
          body: dto.body,
          mentionedUserIds: mentioned,
        }),
      );
      await this.write.auditCreate(em, 'task_comment', comment.id, {
        taskId,
        body: dto.body,
        mentionedUserIds: mentioned,
      });
      const authorName = await this.tasks.userName(em, actor.userId);
      const others = mentioned.filter((id) => id !== actor.userId);
      if (others.length)
        await this.notifications.notify(em, {
          type: 'task.mentioned',
          subject: { type: 'task', id: taskId },
          recipients: { userIds: others, exceptUserId: actor.userId },
          params: {
            authorName,
            taskTitle: task.title,
            programmeTitle: access.programme.title,
            excerpt: excerpt(dto.body),
            commentId: comment.id,
          },
        });
      return {
        id: comment.id,
        taskId,
        authorUserId: actor.userId,
        authorName,
        body: comment.body,
        mentionedUserIds: mentioned,
        createdAt: comment.createdAt,
      };
    });
  }

  /** Oldest first, as a conversation reads. */
  async list(actor: Actor, taskId: string, query: PageQueryDto): Promise<Page<TaskCommentView>> {
    await this.taskAccess.load(actor, taskId);
    const page = await this.comments.pageOfTask(taskId, query);
    return {
      items: page.items.map((c) => ({
        id: c.id,
        taskId: c.taskId,
        authorUserId: c.authorUserId,
        authorName: (c.author as User | undefined)?.name ?? '',
        body: c.body,
        mentionedUserIds: c.mentionedUserIds,
        createdAt: c.createdAt,
      })),
      nextCursor: page.nextCursor,
      total: page.total,
    };
  }

  /**
   * The ids of the enabled users with these addresses who may read the programme, decided by the
   * programme policy itself (each candidate is checked as if they were asking).
   */
  private async readersAmong(em: EntityManager, programmeId: string, emails: string[]): Promise<string[]> {
    if (!emails.length) return [];
    const candidates = await this.actors.loadUsers({ emails }, em);
    const readers: string[] = [];
    for (const c of candidates) {
      try {
        await this.programmes.load(c, programmeId, em);
        readers.push(c.userId);
      } catch (err) {
        if (!(err instanceof CoreError && err.code === CoreErrorCode.NotFound)) throw err;
      }
    }
    // In the order they were mentioned.
    const order = new Map(emails.map((e, i) => [e, i]));
    const byId = new Map(candidates.map((c) => [c.userId, order.get(c.email) ?? 0]));
    return readers.sort((a, b) => byId.get(a)! - byId.get(b)!);
  }
}
