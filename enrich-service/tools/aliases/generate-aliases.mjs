// Generates src/main/resources/entities/aliases-v2.tsv from curated.tsv, the country-coder
// borders (Wikidata ids of countries, territories and regions) and the Countries States Cities
// database; checks the curated Wikidata ids against the Wikidata labels the name-suggestion-index
// publishes. Usage (from enrich-service/), all three packages from the npm registry:
//   (mkdir -p /tmp/aliases && cd /tmp/aliases \
//     && npm pack @countrystatecity/countries@1.0.9 @rapideditor/country-coder@5.6.1 \
//                 name-suggestion-index@8.0.20260918 \
//     && for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done)
//   node tools/aliases/generate-aliases.mjs tools/aliases/curated.tsv \
//     /tmp/aliases/countrystatecity-countries-1.0.9/package/dist/data \
//     /tmp/aliases/rapideditor-country-coder-5.6.1/package/src/data/borders.json \
//     /tmp/aliases/name-suggestion-index-8.0.20260918/package/dist/wikidata/wikidata.min.json \
//     > src/main/resources/entities/aliases-v2.tsv
// The output is deterministic: same inputs, same bytes. Disagreements go to stderr.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [curatedFile, dataDir, bordersFile, nsiWikidataFile] = process.argv.slice(2);
if (!curatedFile || !dataDir || !bordersFile || !nsiWikidataFile) {
  console.error('usage: generate-aliases.mjs <curated.tsv> <countrystatecity dist/data dir>'
    + ' <country-coder borders.json> <name-suggestion-index wikidata.min.json>');
  process.exit(2);
}

const rows = new Map(); // lower-cased alias -> row; the first source to claim an alias wins
const counts = { curated: 0, region: 0, country: 0, capital: 0, state: 0 };

function add(source, alias, qid, label, type, scan, wikipedia) {
  alias = alias.trim().replace(/\s+/g, ' ');
  if (!alias || alias.includes('\t')) return;
  const key = alias.toLowerCase();
  if (rows.has(key)) return;
  const name = label.trim().replace(/\s+/g, ' ').replace(/ \([^)]*\)$/, '');
  rows.set(key, [alias, qid, name, type, wikipedia, scan].join('\t'));
  counts[source]++;
}

function wikipediaUrl(title) {
  return 'https://en.wikipedia.org/wiki/' + encodeURI(title.replace(/ /g, '_')).replace(/\?/g, '%3F');
}

// 1. Curated entities claim their aliases first. Their label is the English Wikipedia title, so
//    they are the only rows with a Wikipedia link; the canonical name drops its disambiguation,
//    "Georgia (country)" -> "Georgia".
const curated = [];
for (const line of readFileSync(curatedFile, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [qid, label, type, scan, aliases] = line.split('\t');
  curated.push({ qid, label });
  for (const alias of aliases.split('|')) add('curated', alias, qid, label, type, scan, qid ? wikipediaUrl(label) : '');
}

// The name-suggestion-index ships Wikidata's English labels of the items it uses (brands and
// operators, many of them companies): a curated id whose item there has another label is a typo.
const nsiLabels = JSON.parse(readFileSync(nsiWikidataFile, 'utf8')).wikidata;
let confirmed = 0;
for (const { qid, label } of curated) {
  const item = qid && nsiLabels[qid];
  if (!item) continue;
  const plain = (text) => text.toLowerCase().replace(/ \([^)]*\)$/, '').replace(/[.,!]/g, '').trim();
  if (plain(item.label) === plain(label)) confirmed++;
  else console.error(`curated ${qid} "${label}": Wikidata's label is "${item.label}"`);
}

// 2. Countries, territories and world regions with their Wikidata ids, from country-coder. A name
//    two items share stays unlinked (an ambiguous name is better unlinked than wrongly linked).
//    Unions and the United Nations are organisations, not places: left out.
const places = new Map(); // lower-cased name -> { name, qids }
for (const feature of JSON.parse(readFileSync(bordersFile, 'utf8')).features) {
  const { wikidata, nameEn, level } = feature.properties;
  if (!wikidata || !nameEn || ['union', 'subunion', 'unitedNations', 'world'].includes(level)) continue;
  const entry = places.get(nameEn.toLowerCase()) ?? { name: nameEn, qids: new Set() };
  entry.qids.add(wikidata);
  places.set(nameEn.toLowerCase(), entry);
}
for (const { name, qids } of [...places.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
  add('region', name, qids.size === 1 ? [...qids][0] : '', name, 'LOCATION', 'no', '');
}

// 3. Places from the Countries States Cities database, which carries no Wikidata ids for
//    countries, states or cities: known places without a link unless an earlier source gave one.
const countries = JSON.parse(readFileSync(join(dataDir, 'countries.json'), 'utf8'))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));
for (const country of countries) add('country', country.name, '', country.name, 'LOCATION', 'no', '');
for (const country of countries) {
  if (country.capital) add('capital', country.capital, '', country.capital, 'LOCATION', 'no', '');
}
const countryDirs = readdirSync(dataDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
for (const dir of countryDirs) {
  const statesFile = join(dataDir, dir, 'states.json');
  if (!existsSync(statesFile)) continue;
  const states = JSON.parse(readFileSync(statesFile, 'utf8')).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  for (const state of states) add('state', state.name, '', state.name, 'LOCATION', 'no', '');
}

const body = [...rows.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const linked = body.filter((row) => row.split('\t')[1]).length;
process.stdout.write([
  '# newsroom entity alias table, version 2. Generated by tools/aliases/generate-aliases.mjs: do not edit by hand.',
  `# ${body.length} aliases, ${linked} with a Wikidata id: curated ${counts.curated}, countries/territories/regions ${counts.region},`
    + ` more countries ${counts.country}, capitals ${counts.capital}, states/regions ${counts.state}.`,
  `# Curated ids confirmed by Wikidata labels (name-suggestion-index 8.0.20260918): ${confirmed}.`,
  '# Countries, territories and regions with Wikidata ids from country-coder 5.6.1 (ISC).',
  '# Places from the Countries States Cities Database (dr5hn), npm @countrystatecity/countries 1.0.9, ODbL-1.0.',
  '# alias\tqid\tname\ttype\twikipedia\tscan',
  ...body,
].join('\n') + '\n');
