import {
  AppointmentResponse,
  BookingCategoriesResponse,
  BookingRequest,
  EnrolRequest,
  EnrolResponse,
  ErrorBody,
  HealthResponse,
  SlotsResponse,
} from '@yimen/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/**
 * The REST API for other systems (a provincial platform's booking, terminal enrolment) as
 * OpenAPI 3.1, generated from the same zod schemas the routes validate with: zod writes
 * the JSON Schemas (OpenAPI 3.1 uses JSON Schema 2020-12 as is); only the paths are ours.
 */
const schema = (s: z.ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' });

const Failure = z.object({ ok: z.literal(false), error: ErrorBody });

const json = (s: z.ZodType, description: string, io: 'input' | 'output' = 'output') => ({
  description,
  content: { 'application/json': { schema: schema(s, io) } },
});

const failures = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), json(Failure, '失败：错误代码与中文说明')]));

const codeParam = {
  name: 'code',
  in: 'path',
  required: true,
  description: '预约码（10位）',
  schema: { type: 'string', pattern: '^[2-9A-HJKMNP-Z]{10}$' },
};

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Yimen 政务服务中心 API',
      version: '1',
      description:
        '预约取号接口（供省级政务服务平台等对接）与终端注册接口。身份证号仅用于核验和匹配，服务端只保存加密散列；所有返回中的姓名、证件号和电话均已脱敏。',
    },
    paths: {
      '/api/health': { get: { summary: '健康检查', responses: { 200: json(HealthResponse, '大厅服务状态') } } },
      '/api/appointments/categories': {
        get: { summary: '可预约的业务类别', responses: { 200: json(BookingCategoriesResponse, '业务类别') } },
      },
      '/api/appointments/slots': {
        get: {
          summary: '某类业务可预约的日期和时段',
          parameters: [{ name: 'categoryId', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { 200: json(SlotsResponse, '今天及之后若干个工作日的时段与余量'), ...failures(400, 404) },
        },
      },
      '/api/appointments': {
        post: {
          summary: '实名预约一个时段',
          requestBody: { required: true, ...json(BookingRequest, '预约信息', 'input') },
          responses: {
            201: json(AppointmentResponse, '预约成功，返回预约码'),
            ...failures(400, 403, 404, 409),
          },
        },
      },
      '/api/appointments/{code}': {
        get: {
          summary: '按预约码查询',
          parameters: [codeParam],
          responses: { 200: json(AppointmentResponse, '预约（已脱敏）'), ...failures(404) },
        },
      },
      '/api/appointments/{code}/cancel': {
        post: {
          summary: '按预约码取消（须在时段开始前规定时间以上）',
          parameters: [codeParam],
          responses: { 200: json(AppointmentResponse, '已取消'), ...failures(404, 409) },
        },
      },
      '/api/terminals/enrol': {
        post: {
          summary: '终端以一次性注册码换取长期令牌',
          requestBody: { required: true, ...json(EnrolRequest, '注册码', 'input') },
          responses: { 200: json(EnrolResponse, '终端令牌（仅此一次返回）'), ...failures(400, 401) },
        },
      },
    },
  };
}

export function registerOpenApi(app: FastifyInstance): void {
  const document = openApiDocument();
  app.get('/api/openapi.json', async () => document);
}
