import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

/**
 * Runs the HTTP bench, then every extra bench script as its own process (`tsx`, one after the
 * other). A failing HTTP bench is reported and does not stop the others: they measure other things
 * and start their own server. Resolves to whether everything passed.
 */
export async function runAllBenches(http: () => Promise<void>, extras: readonly string[]): Promise<boolean> {
  let ok = true;
  try {
    await http();
  } catch (err) {
    console.error("HTTP bench failed:", err);
    ok = false;
  }
  for (const script of extras) {
    console.log(`\n▶ ${script}`);
    const r = spawnSync(process.execPath, [path.join(root, "node_modules/.bin/tsx"), script], { stdio: "inherit", cwd: root });
    if (r.status !== 0) ok = false;
  }
  return ok;
}
