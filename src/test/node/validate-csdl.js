// Checks a CSDL XML document ($metadata) with the OASIS OData TC's parser (npm odata-csdl), strictly: any element,
// attribute or value the CSDL 4.0 schema does not allow is reported and the exit status is 1.
"use strict";
const fs = require("node:fs");
const csdl = require("odata-csdl");

const file = process.argv[2];
const messages = [];
try {
  const json = csdl.xml2json(fs.readFileSync(file), { messages, strict: true });
  if (!json.$Version || !json.$EntityContainer) {
    console.error("no version or entity container");
    process.exit(1);
  }
  console.log(JSON.stringify({ version: json.$Version, container: json.$EntityContainer }));
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
if (messages.length) {
  for (const m of messages) console.error(m.message);
  process.exit(1);
}
