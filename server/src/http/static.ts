import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './types.ts';

/** Paths that are never client-side routes: the API and the build's asset folder. */
const isReserved = (url: string) => /^\/(api|assets)(\/|$)/.test(url);

function isFileInside(root: string, pathName: string): boolean {
  const file = path.resolve(root, `.${path.posix.normalize(`/${pathName}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return false;
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built web app from `webDir`: hashed assets cached for a year, index.html never cached,
 * and client-side routes answered with index.html. Returns the not-found fallback, or null when there is no build.
 */
export async function registerWebApp(app: App, webDir: string) {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return null;
  const html = fs.readFileSync(index);
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: true,
    index: false,
    // Only regular files under the build are served: a directory (`/assets/`) or anything else falls through to
    // the 404 problem instead of the static server's own error (which the error handler would answer with 500).
    allowedPath: (pathName, root) => isFileInside(typeof root === 'string' ? root : webDir, pathName),
    setHeaders: (reply, file) => {
      const hashed = file.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  app.get('/', { config: { allow: 'public' }, schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  return (request: FastifyRequest, reply: FastifyReply): boolean => {
    const url = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' || isReserved(url) || path.extname(url) !== '') return false;
    void sendIndex(reply);
    return true;
  };
}
