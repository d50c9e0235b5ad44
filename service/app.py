"""The Litestar application factory."""

from __future__ import annotations

from litestar import Litestar
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Contact

from service.openapi_tweaks import tighten
from service.normalise import normalise_figures
from service.problems import handlers
from service.routes import ChecksController, health, rules_catalogue
from service.settings import Settings

__all__ = ["create_app"]

VERSION = "0.1.0"


def create_app(settings: Settings | None = None, extra_routes: list | None = None) -> Litestar:
    settings = settings or Settings.from_env()
    app = Litestar(
        route_handlers=[health, rules_catalogue, ChecksController, normalise_figures, *(extra_routes or [])],
        exception_handlers=handlers,  # type: ignore[arg-type]
        request_max_body_size=settings.max_body,
        openapi_config=OpenAPIConfig(
            title="tadqiq", version=VERSION, contact=Contact(name="tadqiq"),
            description="Claim-consistency checks for newsrooms: figures and dates as printed in, verdicts with "
                        "their arithmetic out.",
            path="/schema"),
        debug=settings.debug,
    )
    tighten(app)
    return app
