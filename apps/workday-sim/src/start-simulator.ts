import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SimOptions } from "./options";
import { createSimulator, type Simulator } from "./simulator";

export interface StartOptions extends Partial<SimOptions> {
  /** 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (plus ::1 on the same port when available, so "localhost" works either way). */
  host?: string;
}

export interface RunningSimulator {
  /** `http://localhost:<port>`: the sign-in (UI) host name; the control API answers on it too. */
  url: string;
  port: number;
  sim: Simulator;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });

/**
 * Listens and, unless given, derives the two base URLs from the real port: Workday's sign-in host
 * and services host differ, so the simulator uses two loopback names for the same server.
 */
export async function startSimulator(options: StartOptions = {}): Promise<RunningSimulator> {
  const { port: wantedPort = 0, host, ...simOptions } = options;
  const sim = createSimulator(simOptions);
  const servers = [createServer(sim.app)];
  const primary = servers[0] as Server;
  const port = await listen(primary, wantedPort, host ?? "127.0.0.1");
  if (host === undefined) {
    const ipv6 = createServer(sim.app);
    // Best effort: machines without IPv6 loopback simply skip it.
    await listen(ipv6, port, "::1").then(
      () => servers.push(ipv6),
      () => undefined,
    );
  }
  sim.state.setBaseUrls(options.uiBaseUrl ?? `http://localhost:${port}`, options.servicesBaseUrl ?? `http://127.0.0.1:${port}`);
  return {
    url: `http://localhost:${port}`,
    port,
    sim,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
