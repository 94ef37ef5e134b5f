import { spawn } from "node:child_process";
import path from "node:path";

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tsx <script>` as `npm run …` would, with exactly `env` (plus PATH): nothing of the test
 * process's environment leaks in. Async, so stand-ins living in the test process keep answering.
 */
export function runScript(script: string, env: Record<string, string>, timeoutMs = 60_000): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(process.cwd(), "node_modules/.bin/tsx"), [script], {
      cwd: process.cwd(),
      // The child gets only what the test passes (typed ProcessEnv insists on NODE_ENV).
      env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not exit within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
