// Benchmark only (never loaded by the product): preloaded into a BUILT worker with
// `NODE_OPTIONS=--require …/pg-trace.cjs` and PG_TRACE_FILE set, it records every statement the
// worker's pg clients send: which connection, when it started and ended, its text and parameters
// (a COPY … TO STDOUT when its stream ends). The report scenario replays the report's statements
// from it as its bare baseline: the same SQL, on as many connections, streamed to /dev/null.
const fs = require('node:fs');
const pg = require(require.resolve('pg', { paths: [process.cwd()] }));

const file = process.env.PG_TRACE_FILE;
if (file) {
  const ids = new WeakMap();
  let next = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function traced(config, values, callback) {
    if (!ids.has(this)) ids.set(this, ++next);
    const connection = ids.get(this);
    const text = typeof config === 'string' ? config : config && (config.text ?? config.sql);
    const params = Array.isArray(values)
      ? values
      : config && Array.isArray(config.values)
        ? config.values
        : [];
    const started = Date.now();
    const result = query.call(this, config, values, callback);
    let written = false;
    const record = () => {
      if (written || typeof text !== 'string') return;
      written = true;
      fs.appendFileSync(
        file,
        JSON.stringify({ connection, started, ended: Date.now(), text, params }) + '\n',
      );
    };
    if (result && typeof result.then === 'function') result.then(record, record);
    else if (result && typeof result.on === 'function') {
      result.on('end', record);
      result.on('finish', record);
      result.on('error', record);
    }
    return result;
  };
}
