import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { JobQueueService } from '@tandem/core';
import { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from '../http/problem';
import { DASHBOARD_PATH, QueueDashboardAuth } from './queue-dashboard.auth';

function problem(res: Response, req: Request, status: 401 | 403): void {
  const title = status === 401 ? 'Authentication required' : 'Forbidden';
  res
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: `${PROBLEM_TYPE_BASE}${status === 401 ? 'unauthenticated' : 'forbidden'}`,
        title,
        status,
        detail:
          status === 401
            ? 'A platform admin bearer token, or the cookie from POST /admin/queues/session, is required'
            : 'Only platform admins may open the queue dashboard',
        code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        instance: req.originalUrl,
      }),
    );
}

/**
 * Mounts @bull-board at /admin/queues behind the admin check. Plain Express (bull-board serves its
 * own pages and assets), in front of Nest's router; `POST /admin/queues/session` passes through to
 * the Nest controller that issues the cookie.
 */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: app
      .get(JobQueueService)
      .allQueues()
      .map((q) => new BullMQAdapter(q)),
    serverAdapter,
  });
  const router = serverAdapter.getRouter() as (req: Request, res: Response, next: NextFunction) => void;
  const auth = app.get(QueueDashboardAuth);
  app.use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'POST' && (req.path === '/session' || req.path === '/session/')) return next();
    auth
      .check(req.headers.authorization, req.headers.cookie)
      .then((verdict) => (verdict === 'ok' ? router(req, res, next) : problem(res, req, verdict)))
      .catch(next);
  });
}
