// Push one story to newsroom ingest, signed: node push-story.mjs URL API_KEY SECRET STORY_URI (Node 18+)
import { createHmac } from 'node:crypto';

const [url, apiKey, secret, storyUri] = process.argv.slice(2);
const story = {
  uri: storyUri,
  version: 1,
  headline: 'Harbour bridge reopens after repairs',
  body: 'The harbour bridge reopened on Monday after six weeks of repairs.',
  source: 'Example Wire',
  firstCreated: '2026-03-02T08:00:00Z',
  language: 'en',
};
// Sign exactly the bytes that are sent: serialize once, then sign and send that same buffer.
const body = Buffer.from(JSON.stringify(story), 'utf8');
const signature = 'sha256=' + createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex');

const response = await fetch(`${url}/v1/stories`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey, 'X-Signature': signature },
  body,
});
// Refusals are application/problem+json: branch on "type" (docs/ERRORS.md).
console.log(response.status, await response.text());
process.exitCode = response.ok ? 0 : 1;
