import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { deletePhoto, getPhoto, uploadPhoto } from './doctors.photo.ts';
import { DoctorParams, PHOTO_MAX_BYTES, PHOTO_TYPES, PhotoBody, PhotoResponse } from './doctors.schemas.ts';

/** The photo routes, in their own scope: only here are image bodies read (as bytes, at most 2 MB). */
export function doctorPhotoRoutes(app: App, deps: Deps): void {
  void app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body));
    scope.addContentTypeParser('*', (_request, _payload, done) => {
      done(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the photo as image/jpeg, image/png or image/webp'), undefined);
    });

    scope.get('/api/doctors/:id/photo', {
      config: { allow: 'public' },
      schema: { tags: ['people'], summary: 'A doctor\'s photo', params: DoctorParams, response: { 200: PhotoResponse, ...problems(400, 404) } },
    }, async (request, reply) => {
      const photo = await getPhoto(deps, request.actor, request.params.id);
      return reply.type(photo.contentType).header('x-content-type-options', 'nosniff').header('content-disposition', 'inline').send(photo.bytes);
    });

    scope.put('/api/doctors/:id/photo', {
      config: { allow: ['admin', 'doctor'] },
      bodyLimit: PHOTO_MAX_BYTES,
      schema: {
        tags: ['people'], summary: 'Upload a doctor\'s photo (JPEG, PNG or WebP, at most 2 MB)', params: DoctorParams, body: PhotoBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 413, 415) },
      },
    }, async (request, reply) => {
      await uploadPhoto(deps, actorOf(request), request.ip, request.params.id, request.headers['content-type'], request.body);
      return reply.status(204).send(null);
    });

    scope.delete('/api/doctors/:id/photo', {
      config: { allow: ['admin', 'doctor'] },
      schema: { tags: ['people'], summary: 'Remove a doctor\'s photo', params: DoctorParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } },
    }, async (request, reply) => {
      await deletePhoto(deps, actorOf(request), request.ip, request.params.id);
      return reply.status(204).send(null);
    });
  });
}
