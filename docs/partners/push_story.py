#!/usr/bin/env python3
"""Push one story to newsroom ingest, signed: python3 push_story.py URL API_KEY SECRET STORY_URI"""
import hashlib
import hmac
import json
import sys
import urllib.error
import urllib.request

url, api_key, secret, story_uri = sys.argv[1:5]
story = {
    "uri": story_uri,
    "version": 1,
    "headline": "Harbour bridge reopens after repairs",
    "body": "The harbour bridge reopened on Monday after six weeks of repairs.",
    "source": "Example Wire",
    "firstCreated": "2026-03-02T08:00:00Z",
    "language": "en",
}
# Sign exactly the bytes that are sent: serialize once, then sign and send that same buffer.
body = json.dumps(story, ensure_ascii=False).encode("utf-8")
signature = "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()

request = urllib.request.Request(url + "/v1/stories", data=body, method="POST", headers={
    "Content-Type": "application/json",
    "X-Api-Key": api_key,
    "X-Signature": signature,
})
try:
    with urllib.request.urlopen(request, timeout=30) as response:
        print(response.status, response.read().decode("utf-8"))
except urllib.error.HTTPError as refused:
    # Refusals are application/problem+json: branch on "type" (docs/ERRORS.md).
    print(refused.code, refused.read().decode("utf-8"))
    sys.exit(1)
