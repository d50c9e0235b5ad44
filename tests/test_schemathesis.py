"""Property-based contract tests: schemathesis generates requests from the OpenAPI document and runs its
default checks (no server errors; status codes, content types, headers and bodies as documented; schema-violating
requests rejected; and, since the document declares the API-key scheme, that a protected route refuses a request
without its key). A body over the size limit is rejected with 413, which counts as a rejection too.

Requests carry a reviewer's key (through the document's own security scheme), so every operation, reviews
included, is reached; the app stores into this session's own SQLite file, and queues batches on a RabbitMQ queue
of its own (127.0.0.1:5672; deleted at the end; no worker takes them)."""

from __future__ import annotations

import asyncio
import atexit
import secrets
import shutil
import tempfile

import schemathesis
from conftest import KEYS, KEYS_ENV, UNTHROTTLED
from test_batches import BROKER, _delete_queue
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from service.app import create_app
from service.settings import Settings

REJECTIONS = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]
DATA = tempfile.mkdtemp(prefix="tadqiq-schemathesis-")
atexit.register(shutil.rmtree, DATA, ignore_errors=True)
QUEUE = f"tadqiq.schemathesis.{secrets.token_hex(6)}"
atexit.register(lambda: asyncio.run(_delete_queue(QUEUE)))
#: A reference the schema allows may still be one the library cannot keep (no source, a time that cannot be read,
#: a term overlapping another): those answer 422 with the problems, as documented.
LIBRARY = {"include-path-regex": "^/v1/references", "checks": {"positive_data_acceptance": {
    "expected-statuses": [200, 201, 204, 401, 403, 404, 409, 422]}}}
#: Text the schema allows may be in a language extraction does not read: a 422 naming the ones it reads.
EXTRACT = {"include-path-regex": "^/v1/extract", "checks": {"positive_data_acceptance": {
    "expected-statuses": [200, 422]}}}
config = SchemathesisConfig.from_dict({
    "checks": {"negative_data_rejection": {"expected-statuses": REJECTIONS}}, "operations": [LIBRARY, EXTRACT],
    "auth": {"openapi": {"apiKey": {"bearer": KEYS["desk-reviewer"]}}}})
schema = schemathesis.openapi.from_asgi(
    "/schema/openapi.json", create_app(Settings(max_body=1024 * 1024, data_dir=DATA, keys=KEYS_ENV, broker_url=BROKER,
                                              broker_queue=QUEUE, **UNTHROTTLED)), config=config)


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_api(case):
    case.call_and_validate()
