"""The API viewer: Swagger UI from this server's own files (the ``swagger-ui-bundle-v2`` package), no CDN, no
inline script — so it works offline and under a strict Content-Security-Policy (``CSP``)."""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.openapi.plugins import OpenAPIRenderPlugin
from litestar.static_files import create_static_files_router
from swagger_ui_bundle import swagger_ui_path

__all__ = ["CSP", "PATH", "SwaggerOffline", "files"]

#: Where the Swagger UI files are served, and the page's policy (Swagger UI styles elements inline and draws
#: icons from data: URLs; its scripts come from this server only).
PATH = "/viewer"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tadqiq API</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{PATH}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{PATH}/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body>
</html>
""".encode()


class SwaggerOffline(OpenAPIRenderPlugin):
    """``/schema/swagger``: a page that loads Swagger UI and ``static/swagger-init.js`` from this server."""

    def __init__(self) -> None:
        super().__init__(path="/swagger")

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        return _PAGE


def files():  # type: ignore[no-untyped-def]
    return create_static_files_router(path=PATH, directories=[swagger_ui_path], include_in_schema=False)
