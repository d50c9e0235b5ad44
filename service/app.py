"""The Litestar application factory: routes, problem details, storage, the worker pool, throttling, CSRF on
forms, and the headers every response carries (``X-Content-Type-Options: nosniff``; ``Cache-Control: no-store``
on everything but static files; the viewer's Content-Security-Policy)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncio
import gc
import secrets
import sys
from pathlib import Path
from typing import Any

from litestar import Litestar
from litestar.config.csrf import CSRFConfig
from litestar.datastructures import MutableScopeHeaders, State
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, Contact, SecurityScheme
from litestar.routes import HTTPRoute

from service.auth import Keys, Revoked
from service.batches import BatchesController
from service.metrics import RequestMiddleware, metrics, ready
from service.openapi_tweaks import tighten
from service.extract import extract_claims
from service.normalise import normalise_figures
from service.pages import PAGES
from service.pool import Pool
from service.problems import handlers
from service.queue import close as close_queue
from service.references import ReferencesController
from service.reports import ReportsController
from service.routes import health, rules_catalogue
from service.settings import Settings
from service.storage import Store
from service.storage.references import Libraries
from service.throttle import Throttle
from service.times import normalise_times
from service import viewer

__all__ = ["create_app"]

VERSION = "0.1.0"


def create_app(settings: Settings | None = None, extra_routes: list | None = None) -> Litestar:
    settings = settings or Settings.from_env()
    store = Store.from_settings(settings)

    @asynccontextmanager
    async def storage(app: Litestar) -> AsyncIterator[None]:
        # what start-up built (rules, lexicons, babel, the routes) is never collected: collections stay short. No
        # collection first: `tadqiq serve` starts with the collector off (service/cli.py), which leaves under a
        # thousand objects of garbage to freeze, where a collection here cost 0.1–0.2 s before the first answer
        gc.freeze()
        gc.enable()
        sys.setswitchinterval(0.001)  # the event loop waits at most ~1 ms for a worker thread to hand it the GIL
        await store.open()
        # the worker processes start once the first answer is sent (``_workers_soon``), or two seconds after start
        # (a fork server that imports and warms everything: a second of CPU, which on two busy cores slowed the
        # first answer by 0.3–0.4 s when started here); only bodies of ``service.pool.SMALL`` and more need them,
        # and those wait for them
        later = asyncio.get_running_loop().call_later(2.0, pool.soon)
        try:
            yield
        finally:
            later.cancel()
            await close_queue(app.state)
            await pool.stop()
            await store.close()

    throttle = Throttle.from_settings(settings)
    pool = store.pool = Pool(settings.workers)
    app = _App(
        route_handlers=[health, rules_catalogue, ReportsController, ReferencesController, normalise_figures,
                        normalise_times, extract_claims, *PAGES, viewer.files(), BatchesController, metrics, ready,
                        *(extra_routes or [])],
        logging_config=None,  # logs are JSON lines (service/logs.py), configured by `tadqiq serve`
        exception_handlers=handlers,  # type: ignore[arg-type]
        request_max_body_size=settings.max_body,
        lifespan=[storage],
        middleware=[RequestMiddleware, _per_address],
        before_send=[_headers],
        after_response=_workers_soon,
        csrf_config=CSRFConfig(secret=_secret(settings), cookie_name="tadqiq_csrf", cookie_httponly=True,
                               cookie_samesite="strict", cookie_secure=False, cookie_path="/",
                               exclude=[_NOT_A_PAGE]),
        state=State({"settings": settings, "store": store, "pool": pool, "throttle": throttle,
                     "libraries": Libraries(store, refresh=settings.library_refresh),
                     "api_keys": Keys.load(settings.keys_file, settings.keys), "revoked": Revoked(store)}),
        openapi_config=OpenAPIConfig(
            title="tadqiq", version=VERSION, contact=Contact(name="tadqiq"),
            description="Claim-consistency checks for newsrooms: figures and dates as printed in, verdicts with "
                        "their arithmetic out.",
            components=Components(security_schemes={"apiKey": SecurityScheme(
                type="http", scheme="bearer",
                description="An API key, bound to a newsroom and a role (submitter, reviewer, admin): "
                            "`Authorization: Bearer tq_…`.")}),
            path="/schema", render_plugins=[viewer.SwaggerOffline()], use_handler_docstrings=True),
        debug=settings.debug,
    )
    tighten(app)
    _fix_allow(app)
    return app


class _App(Litestar):
    """Litestar without the pydantic plugins it adds whenever pydantic is importable (taskiq brings it): every
    body, answer and parameter here is msgspec's, and importing pydantic cost a server 0.14 s of its start."""

    @staticmethod
    def _get_default_plugins(plugins: list) -> list:  # type: ignore[override]
        from litestar.plugins.core import MsgspecDIPlugin

        return [*plugins, MsgspecDIPlugin()]


def _secret(settings: Settings) -> str:
    """The key that signs the forms' CSRF cookie: ``TADQIQ_SECRET``, else one kept in the data directory (made on
    first start, mode 600), so instances sharing that directory agree and a restart keeps open forms valid."""
    if settings.secret:
        return settings.secret
    path = Path(settings.data_dir) / "secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(32), encoding="utf-8")
    return path.read_text("utf-8").strip()


_STATIC = ("/static/", f"{viewer.PATH}/")
#: CSRF tokens guard the pages' forms; everything else (the API's keys in a header) is left alone.
_NOT_A_PAGE = r"^/(?!(login|logout|reports)(/|$))."


async def _headers(message: Message, scope: Scope) -> None:
    """On every response: no sniffing; nothing behind a key stored by a cache (only static files may be)."""
    if message["type"] == "http.response.start":
        headers = MutableScopeHeaders.from_message(message)
        headers["X-Content-Type-Options"] = "nosniff"
        static = scope["path"].startswith(_STATIC)
        headers["Cache-Control"] = "public, max-age=3600" if static else "no-store"
        if scope["path"] == "/schema/swagger":
            headers["Content-Security-Policy"] = viewer.CSP


async def _workers_soon(request: Any) -> None:
    """Once the first answer is sent, the worker processes start (``service.pool.Pool.soon``: once only)."""
    request.app.state.pool.soon()


def _per_address(app: ASGIApp) -> ASGIApp:
    """Every request but ``/health`` and static files counts against its client address (``service.throttle``)."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] != "/health" and not scope["path"].startswith(_STATIC):
            state: Any = scope["app"].state
            client = scope.get("client")
            await state.throttle.hit(f"addr:{client[0] if client else 'unknown'}")
        await app(scope, receive, send)

    return middleware


def _fix_allow(app: Litestar) -> None:
    """litestar#4169 (fixed only in Litestar 3): a path's automatic OPTIONS handler lists in ``Allow`` only the
    methods registered before it, so ``OPTIONS /v1/checks`` would omit ``POST``. Point each one at its final route."""
    for route in app.routes:
        if isinstance(route, HTTPRoute) and "OPTIONS" in route.route_handler_map:
            fn = route.route_handler_map["OPTIONS"][0].fn
            for cell in getattr(fn, "__closure__", None) or ():
                if isinstance(cell.cell_contents, HTTPRoute):
                    cell.cell_contents = route
