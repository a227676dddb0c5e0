export interface paths {
  "/api/health": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations["getHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/hospital": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations["getHospital"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/session": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations["getSession"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/login": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations["login"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/register": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations["register"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/logout": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations["logout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/password": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: operations["changePassword"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      detail?: string;
      code: string;
      errors?: { path: string; message: string }[];
    };
    SessionUser: {
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: "admin" | "doctor" | "patient" | "receptionist";
      patientId?: string;
      doctorId?: string;
      mustChangePassword: boolean;
    };
    Session: {
      user: components["schemas"]["SessionUser"];
      csrfToken: string;
    };
    Hospital: {
      name: string;
      tagline?: string;
      about?: string;
      address?: string;
      phone?: string;
      email?: string;
      openingHours?: string;
      timeZone: string;
      services: { id: string; name: string; description?: string }[];
    };
    Health: { status: string; database: string; version: string };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type ProblemResponse = {
  headers: { [name: string]: unknown };
  content: { "application/problem+json": components["schemas"]["Problem"] };
};
type NoContent = { headers: { [name: string]: unknown }; content?: never };
export interface operations {
  getHealth: {
    parameters: NoParams;
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": components["schemas"]["Health"] } };
      503: ProblemResponse;
    };
  };
  getHospital: {
    parameters: NoParams;
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": components["schemas"]["Hospital"] } };
    };
  };
  getSession: {
    parameters: NoParams;
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": components["schemas"]["Session"] } };
      401: ProblemResponse;
    };
  };
  login: {
    parameters: NoParams;
    requestBody: { content: { "application/json": { email: string; password: string } } };
    responses: {
      200: { headers: { [name: string]: unknown }; content: { "application/json": components["schemas"]["Session"] } };
      400: ProblemResponse;
      401: ProblemResponse;
      429: ProblemResponse;
    };
  };
  register: {
    parameters: NoParams;
    requestBody: {
      content: {
        "application/json": {
          email: string;
          password: string;
          name: string;
          /** Format: date */
          dateOfBirth: string;
          /** @enum {string} */
          gender: "female" | "male" | "other" | "undisclosed";
          phone: string;
          address?: string;
        };
      };
    };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { "application/json": components["schemas"]["Session"] } };
      400: ProblemResponse;
      409: ProblemResponse;
      429: ProblemResponse;
    };
  };
  logout: {
    parameters: NoParams;
    requestBody?: never;
    responses: { 204: NoContent; 401: ProblemResponse };
  };
  changePassword: {
    parameters: NoParams;
    requestBody: { content: { "application/json": { currentPassword: string; newPassword: string } } };
    responses: { 204: NoContent; 400: ProblemResponse; 401: ProblemResponse; 403: ProblemResponse };
  };
}
