import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AwsService } from "../model/common";
import { AwsError } from "../protocol/aws-error";
import { parseCredentialScope } from "../protocol/credential-scope";
import { FormParams } from "../protocol/form-params";
import type { RequestContext } from "../protocol/request-context";
import { queryErrorXml, queryResponseXml } from "../protocol/xml";
import { parseRequestFault } from "../faults/fault-engine";
import { accessDeniedError } from "../faults/throttle-errors";
import { resolveCaller } from "./resolve-caller";
import type { SimRuntime } from "./sim-runtime";
import { isManagementOnly, JSON_SERVICES, jsonServiceFor, QUERY_SERVICES, queryServiceFor } from "./service-registry";

interface Dispatch {
  protocol: "json" | "query";
  service: AwsService;
  operation: string;
  namespace: string;
  run: (ctx: RequestContext) => Promise<string>;
}

function send(res: ServerResponse, status: number, contentType: string, body: string, requestId: string, errorType?: string): void {
  res.writeHead(status, {
    "x-amzn-RequestId": requestId,
    // Always the real time: the SDK treats a skewed Date on an error as retryable clock skew.
    Date: new Date().toUTCString(),
    "Content-Type": contentType,
    "Content-Length": Buffer.byteLength(body),
    ...(errorType ? { "X-Amzn-ErrorType": errorType } : {}),
  });
  res.end(body);
}

function sendError(res: ServerResponse, protocol: "json" | "query", namespace: string, error: AwsError, requestId: string): void {
  if (protocol === "json") {
    const body = JSON.stringify({ __type: error.code, Message: error.message, ...error.extra });
    send(res, error.status, "application/x-amz-json-1.1", body, requestId, error.code);
  } else {
    send(
      res,
      error.status,
      "text/xml",
      queryErrorXml(namespace, { type: error.faultType, code: error.code, message: error.message }, requestId),
      requestId,
    );
  }
}

function dispatchFor(req: IncomingMessage, body: string, scopeService: string | undefined): Dispatch | AwsError {
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") {
    const service = jsonServiceFor(scopeService, target);
    const operation = target.slice(target.lastIndexOf(".") + 1);
    if (service === undefined) return new AwsError("UnknownOperationException", `Unknown target ${target}`, 400);
    const handler = JSON_SERVICES[service][operation];
    if (handler === undefined) return new AwsError("UnknownOperationException", `Unknown operation ${operation}`, 400);
    let input: Record<string, unknown>;
    try {
      input = body.trim() === "" ? {} : (JSON.parse(body) as Record<string, unknown>);
    } catch {
      return new AwsError("SerializationException", "Malformed JSON body", 400);
    }
    return { protocol: "json", service, operation, namespace: "", run: async (ctx) => JSON.stringify(await handler(ctx, input)) };
  }
  const params = new FormParams(body);
  const service = queryServiceFor(scopeService, params.get("Version"));
  const action = params.get("Action");
  if (service === undefined || action === undefined)
    return new AwsError("InvalidAction", "Could not determine the service or action of this request", 400);
  const { namespace, operations } = QUERY_SERVICES[service];
  const handler = operations[action];
  if (handler === undefined)
    return new AwsError("InvalidAction", `Could not find operation ${action} for version ${params.get("Version") ?? ""}`, 400);
  return {
    protocol: "query",
    service,
    operation: action,
    namespace,
    run: async (ctx) => queryResponseXml(action, namespace, await handler(ctx, params), ctx.requestId),
  };
}

/** Answers one AWS API request in the protocol its client speaks. */
export async function handleAwsRequest(runtime: SimRuntime, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
  const requestId = randomUUID();
  const scope = parseCredentialScope(req.headers.authorization);
  const dispatch = dispatchFor(req, body, scope?.service);
  const isJson = typeof req.headers["x-amz-target"] === "string";
  if (dispatch instanceof AwsError) {
    sendError(res, isJson ? "json" : "query", "https://iam.amazonaws.com/doc/2010-05-08/", dispatch, requestId);
    return;
  }
  const { protocol, service, operation, namespace } = dispatch;
  try {
    if (scope === undefined)
      throw new AwsError(
        protocol === "json" ? "MissingAuthenticationTokenException" : "MissingAuthenticationToken",
        "Request is missing Authentication Token",
        403,
      );
    const state = runtime.state;
    const now = runtime.clock();
    const caller = resolveCaller(state, scope.accessKeyId, service, now);
    // IAM is global: the SDK signs it for us-east-1 whatever region the client names.
    const region = service === "iam" ? "us-east-1" : scope.region;
    const faultRequest = {
      service,
      operation,
      accountId: caller.accountId,
      region,
      callerArn: caller.arn,
      requestFault: parseRequestFault(req.headers["x-vigil-sim-fault"] as string | undefined),
    };
    const latency = runtime.faults.latencyFor(faultRequest);
    if (latency > 0) await runtime.delay(latency);
    const fault = runtime.faults.check(faultRequest);
    if (fault !== undefined) throw fault;
    if (isManagementOnly(service, operation) && caller.accountId !== state.organization.managementAccountId) {
      throw accessDeniedError(service, caller.arn, `${service}:${operation}`);
    }
    const ctx: RequestContext = {
      state,
      caller,
      service,
      operation,
      region,
      requestId,
      clock: runtime.clock,
      sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1",
      userAgent: String(req.headers["user-agent"] ?? "unknown"),
      isAccountDenied: (accountId) => runtime.faults.isAccountDenied(accountId),
    };
    const payload = await dispatch.run(ctx);
    send(res, 200, protocol === "json" ? "application/x-amz-json-1.1" : "text/xml", payload, requestId);
  } catch (error) {
    if (error instanceof AwsError) {
      sendError(res, protocol, namespace, error, requestId);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`[vigil-sim] ${service}:${operation} failed: ${message}\n`);
    sendError(
      res,
      protocol,
      namespace,
      new AwsError(protocol === "json" ? "InternalFailure" : "ServiceFailure", "An internal error occurred.", 500),
      requestId,
    );
  }
}
