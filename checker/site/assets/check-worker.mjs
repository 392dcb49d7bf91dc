// The check panel's grader: Pyodide in a module worker, so the page stays responsive while
// Python boots and grades. The action "boot" starts it and loads what grading the page's
// exercise reads, ahead of the first check. Pyodide's indexURL is the vendored copy beside this file, and
// it loads no packages: the grader and openpyxl arrive in checker.zip, built with the site.
// The .mjs name also keeps the plugin from adding this file to every page as a script.
import { loadPyodide } from "../vendor/pyodide/pyodide.mjs";

const HOME = "/home/pyodide/smm";
// One call into checker.browser; JSON both ways, so no Python object outlives a call.
const GLUE = `
import json
from checker import browser

def call(action, options, data):
    o = json.loads(options)
    if action == "boot":
        browser.prepare(o["kind"], o["exercise"])
        return "null"
    if action == "grade":
        return json.dumps(browser.grade(o["kind"], o["exercise"], o["filename"], data.to_bytes(), o.get("learner")))
    try:
        return json.dumps({"csv": browser.dataset(o["exercise"], o["learner"])})
    except browser.UsageError as error:
        return json.dumps({"error": "usage", "message": str(error)})

call
`;
let booting = null;

async function boot() {
  const started = performance.now();
  const pyodide = await loadPyodide({ indexURL: new URL("../vendor/pyodide/", import.meta.url).href });
  const response = await fetch(new URL("checker.zip", import.meta.url));
  if (!response.ok) throw new Error(`checker.zip: HTTP ${response.status}`);
  pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: HOME });
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(HOME)})`);
  return { call: pyodide.runPython(GLUE), bootMs: performance.now() - started };
}

self.onmessage = async (event) => {
  const { id, action, options, data } = event.data;
  let ready;
  try {
    booting = booting || boot();
    ready = await booting;
  } catch (error) {
    booting = null; // a later click tries again
    self.postMessage({ id, failure: String((error && error.message) || error) });
    return;
  }
  try {
    const started = performance.now();
    const answer = JSON.parse(ready.call(action, JSON.stringify(options), data || new Uint8Array(0)));
    self.postMessage({ id, answer, bootMs: ready.bootMs, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, failure: String((error && error.message) || error) });
  }
};
