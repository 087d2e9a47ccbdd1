// Preloaded into the app server by `npm run bench -- --queries` (never otherwise): counts the
// SQL statements the server sends through pg, by statement text, so the harness can report the
// database round trips per request of each scenario. On SIGUSR2 it writes the counts so far to
// $BENCH_QUERY_FILE. The cost is a Map update per query.
const fs = require("node:fs");

const file = process.env.BENCH_QUERY_FILE;
if (file && process.argv.some((a) => a.endsWith("scripts/server.ts"))) {
  const pg = require(require.resolve("pg", { paths: [process.cwd()] }));
  const counts = new Map();
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(config, ...rest) {
    const text = typeof config === "string" ? config : config?.text;
    if (text) counts.set(text, (counts.get(text) || 0) + 1);
    return query.call(this, config, ...rest);
  };
  process.on("SIGUSR2", () => {
    fs.writeFileSync(`${file}.tmp`, JSON.stringify([...counts]));
    fs.renameSync(`${file}.tmp`, file);
  });
}
