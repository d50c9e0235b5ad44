"""The Litestar application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar
from litestar.datastructures import State
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, Contact, SecurityScheme
from litestar.routes import HTTPRoute

from service.auth import Keys
from service.batches import BatchesController
from service.metrics import RequestMiddleware, metrics, ready
from service.openapi_tweaks import tighten
from service.normalise import normalise_figures
from service.pages import PAGES, TEMPLATES
from service.problems import handlers
from service.queue import close as close_queue
from service.references import ReferencesController
from service.reports import ReportsController
from service.routes import health, rules_catalogue
from service.settings import Settings
from service.storage import Store
from service.storage.references import Libraries
from service.times import normalise_times

__all__ = ["create_app"]

VERSION = "0.1.0"


def create_app(settings: Settings | None = None, extra_routes: list | None = None) -> Litestar:
    settings = settings or Settings.from_env()
    store = Store.from_settings(settings)

    @asynccontextmanager
    async def storage(app: Litestar) -> AsyncIterator[None]:
        await store.open()
        try:
            yield
        finally:
            await close_queue(app.state)
            await store.close()

    app = Litestar(
        route_handlers=[health, rules_catalogue, ReportsController, ReferencesController, normalise_figures,
                        normalise_times, *PAGES, BatchesController, metrics, ready, *(extra_routes or [])],
        middleware=[RequestMiddleware],
        logging_config=None,  # logs are JSON lines (service/logs.py), configured by `tadqiq serve`
        exception_handlers=handlers,  # type: ignore[arg-type]
        request_max_body_size=settings.max_body,
        lifespan=[storage],
        template_config=TEMPLATES,
        state=State({"settings": settings, "store": store,
                     "libraries": Libraries(store, refresh=settings.library_refresh),
                     "api_keys": Keys.load(settings.keys_file, settings.keys)}),
        openapi_config=OpenAPIConfig(
            title="tadqiq", version=VERSION, contact=Contact(name="tadqiq"),
            description="Claim-consistency checks for newsrooms: figures and dates as printed in, verdicts with "
                        "their arithmetic out.",
            components=Components(security_schemes={"apiKey": SecurityScheme(
                type="http", scheme="bearer",
                description="An API key, bound to a newsroom and a role (submitter, reviewer, admin): "
                            "`Authorization: Bearer tq_…`.")}),
            path="/schema"),
        debug=settings.debug,
    )
    tighten(app)
    _fix_allow(app)
    return app


def _fix_allow(app: Litestar) -> None:
    """litestar#4169 (fixed only in Litestar 3): a path's automatic OPTIONS handler lists in ``Allow`` only the
    methods registered before it, so ``OPTIONS /v1/checks`` would omit ``POST``. Point each one at its final route."""
    for route in app.routes:
        if isinstance(route, HTTPRoute) and "OPTIONS" in route.route_handler_map:
            fn = route.route_handler_map["OPTIONS"][0].fn
            for cell in getattr(fn, "__closure__", None) or ():
                if isinstance(cell.cell_contents, HTTPRoute):
                    cell.cell_contents = route
