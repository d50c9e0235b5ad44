"""Property-based contract tests: schemathesis generates requests from the OpenAPI document and runs its
default checks (no server errors; status codes, content types, headers and bodies as documented; schema-violating
requests rejected). A body over the size limit is rejected with 413, which counts as a rejection too."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from service.app import create_app
from service.settings import Settings

REJECTIONS = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]
config = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {"expected-statuses": REJECTIONS}}})
schema = schemathesis.openapi.from_asgi("/schema/openapi.json", create_app(Settings(max_body=1024 * 1024)),
                                        config=config)


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_api(case):
    case.call_and_validate()
