/** HTTP load with autocannon, with our own latency percentiles (autocannon has no p95). */
import autocannon from "autocannon";
import { latencies, type Latencies } from "./stats";

export interface LoadOptions {
  origin: string;
  /** The path of every request, unless `next` builds each one. */
  path: string;
  connections: number;
  /** Run for this long… */
  seconds?: number;
  /** …or until this many requests were answered. */
  amount?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Builds each request (a unique body, another task). */
  next?: () => { path: string; body?: string };
  /** Sees each answer's status and body (bodies are only read when this is given). */
  onBody?: (status: number, body: string) => void;
  timeoutSeconds?: number;
}

export interface LoadResult extends Latencies {
  ok: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
  seconds: number;
  /** 2xx answers per second. */
  reqPerSec: number;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const samples: number[] = [];
  let ok = 0;
  let non2xx = 0;
  const { next, onBody } = options;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin + options.path,
        connections: options.connections,
        ...(options.amount !== undefined
          ? { amount: options.amount }
          : { duration: options.seconds ?? 5 }),
        timeout: options.timeoutSeconds ?? 30,
        method: options.method ?? "GET",
        headers: options.headers,
        requests: [
          {
            ...(next && {
              setupRequest: (request) => ({ ...request, ...next() }),
            }),
            ...(onBody && {
              onResponse: (status: number, body: string) => onBody(status, body),
            }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const figures = latencies(samples);
        resolve({
          ...figures,
          ok,
          failed: non2xx + result.errors,
          seconds: result.duration,
          reqPerSec: result.duration > 0 ? ok / result.duration : 0,
        });
      },
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) {
        ok++;
        samples.push(ms);
      } else {
        non2xx++;
      }
    });
  });
}
