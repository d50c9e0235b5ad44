"""The fact-checkers' pages: sign in with a key, list the newsroom's reports, read one, review its verdicts.

Server-rendered (Jinja, autoescaped), no script at all: filters are links, review controls are forms. Every page
carries a Content-Security-Policy that allows only this server's stylesheet, so even a claim that slipped past
escaping could not run. The browser authenticates with the ``tadqiq_key`` cookie that ``/login`` sets
(HttpOnly, SameSite=Strict); forms that change something are also refused unless they come from this origin.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from litestar import Request, Response, Router, get, post
from litestar.datastructures import Cookie, ResponseHeader
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Redirect, Template
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from service.auth import COOKIE, Caller
from service.exports import claimreview, csv_text, markdown
from service.review import ReviewRequest, problem
from service.storage import BadCursor, Stored
from service.view import claim_texts, direction, human, labels, report_tally, verdict_views

__all__ = ["CSP", "PAGES", "TEMPLATES"]

HERE = Path(__file__).parent
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
HEADERS = [ResponseHeader(name="Content-Security-Policy", value=CSP),
           ResponseHeader(name="X-Content-Type-Options", value="nosniff"),
           ResponseHeader(name="Referrer-Policy", value="same-origin"),
           ResponseHeader(name="X-Frame-Options", value="DENY")]
STATUSES = ("consistent", "inconsistent", "unverifiable")
_ENV = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True)
_ENV.globals["human"] = human
TEMPLATES = TemplateConfig(engine=JinjaTemplateEngine.from_environment(_ENV))
_HOURS = 12


def _caller(request: Request[Any, Any, Any]) -> Caller | None:
    return request.app.state.api_keys.caller(request, cookie=True)


def _same_origin(request: Request[Any, Any, Any]) -> bool:
    """A form post from a page of this server (not from another site riding on the cookie). Browsers send
    ``Origin`` with every form post (our ``Referrer-Policy: same-origin`` keeps it from being ``null``)."""
    site = request.headers.get("sec-fetch-site")
    if site and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    return not origin or origin == f"{request.url.scheme}://{request.headers.get('host', '')}"


def _page(name: str, code: int = 200, language: str = "en", **context: Any) -> Template:
    lang, words = labels(language)
    return Template(name, status_code=code, context={"w": words, "lang": lang, "dir": direction(language),
                                                        "statuses": STATUSES, **context})


def _error(status: int, message: str) -> Template:
    return _page("error.html", status, message=message, status=status)


@get("/", include_in_schema=False)
async def home() -> Redirect:
    return Redirect("/reports", status_code=303)


@get("/login", include_in_schema=False)
async def login_form(next: FromQuery[str | None] = None) -> Template:
    return _page("login.html", error=None, next=_safe_next(next))


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/reports") and "//" not in target else "/reports"


@post("/login", include_in_schema=False)
async def login(request: Request[Any, Any, Any],
                data: URLEncodedBody[dict[str, str]]) -> Response[Any]:
    if not _same_origin(request):
        return _error(403, "This form must be sent from this server's own page.")
    key = (data.get("key") or "").strip()
    if request.app.state.api_keys.find(key) is None:
        return _page("login.html", 401, error="This key is not known here.", next=_safe_next(data.get("next")))
    cookie = Cookie(key=COOKIE, value=key, httponly=True, samesite="strict", path="/", max_age=_HOURS * 3600,
                    secure=request.url.scheme == "https")
    return Redirect(_safe_next(data.get("next")), status_code=303, cookies=[cookie])


@post("/logout", include_in_schema=False)
async def logout(request: Request[Any, Any, Any]) -> Response[Any]:
    if not _same_origin(request):
        return _error(403, "This form must be sent from this server's own page.")
    return Redirect("/login", status_code=303, cookies=[Cookie(key=COOKIE, value="", max_age=0, path="/")])


@get("/reports", include_in_schema=False)
async def report_list(request: Request[Any, Any, Any], status: FromQuery[str | None] = None,
                      since: FromQuery[str | None] = None, until: FromQuery[str | None] = None,
                      cursor: FromQuery[str | None] = None) -> Response[Any]:
    caller = _caller(request)
    if caller is None:
        return Redirect("/login", status_code=303)
    try:
        page = await request.app.state.store.page(
            caller.newsroom, status=status if status in STATUSES else None,
            since=dt.date.fromisoformat(since) if since else None,
            until=dt.date.fromisoformat(until) if until else None, limit=50, cursor=cursor or None)
    except (BadCursor, ValueError) as exc:
        return _error(400, str(exc))
    return _page("reports.html", page=page, caller=caller, status=status if status in STATUSES else None,
                 since=since or "", until=until or "")


async def _stored(request: Request[Any, Any, Any], report_id: str) -> tuple[Caller | None, Stored | None]:
    caller = _caller(request)
    if caller is None:
        return None, None
    return caller, await request.app.state.store.get(caller.newsroom, report_id)


def _report_page(stored: Stored, caller: Caller, status: str | None, error: str | None = None,
                 code: int = 200) -> Template:
    doc = stored.report.document
    lang, words = labels(doc.language)
    views = verdict_views(stored, lang, words)
    shown = [v for v in views if status is None or v.state.status == status]
    texts = claim_texts(stored)
    claims = [(texts.get(c.id), c) for c in stored.report.claims]
    return _page("report.html", code, doc.language, stored=stored, doc=doc, views=shown, claims=claims,
                 texts=texts, tally=report_tally(stored), status=status, caller=caller,
                 can_review=caller.may("reviewer"),
                 error=error, url=doc.url if doc.url and doc.url.startswith(("https://", "http://")) else None)


@get("/reports/{report_id:str}", include_in_schema=False)
async def report_page(request: Request[Any, Any, Any], report_id: FromPath[str],
                      status: FromQuery[str | None] = None) -> Response[Any]:
    caller, stored = await _stored(request, report_id)
    if caller is None:
        return Redirect(f"/login?next=/reports/{report_id}", status_code=303)
    if stored is None:
        return _error(404, "No such report in your newsroom.")
    return _report_page(stored, caller, status if status in STATUSES else None)


@post("/reports/{report_id:str}/review", include_in_schema=False)
async def review(request: Request[Any, Any, Any], report_id: FromPath[str],
                 data: URLEncodedBody[dict[str, str]]) -> Response[Any]:
    caller = _caller(request)
    if caller is None:
        return _error(401, "Sign in with your key first.")
    if not _same_origin(request):
        return _error(403, "This form must be sent from this server's own page.")
    if not caller.may("reviewer"):
        return _error(403, "Your key may read reports but not review them.")
    decision = data.get("decision", "")
    try:
        request_ = ReviewRequest(verdict=int(data.get("verdict", "")), decision=decision,  # type: ignore[arg-type]
                                 status=(data.get("status") or None) if decision == "override" else None,
                                 note=data.get("note", "")[:4000])
    except ValueError:
        return _error(400, "The form was not one of this page's review forms.")
    if decision not in ("confirm", "dispute", "override") or (request_.status not in (None, *STATUSES)):
        return _error(400, "The form was not one of this page's review forms.")
    refused: list[str] = []

    def check(report, made) -> None:
        why = problem(report, made)
        if why:
            refused.append(why)
            raise _Refused

    try:
        made = await request.app.state.store.review(caller.newsroom, report_id, request_, caller.who, caller.role,
                                                    check)
    except _Refused:
        stored = await request.app.state.store.get(caller.newsroom, report_id)
        return _report_page(stored, caller, None, error=refused[0], code=422)
    if made is None:
        return _error(404, "No such report in your newsroom.")
    return Redirect(f"/reports/{report_id}#v{request_.verdict}", status_code=303)


class _Refused(Exception):
    pass


@get("/reports/{report_id:str}/export/{kind:str}", include_in_schema=False)
async def export(request: Request[Any, Any, Any], report_id: FromPath[str], kind: FromPath[str]) -> Response[Any]:
    caller, stored = await _stored(request, report_id)
    if caller is None:
        return Redirect(f"/login?next=/reports/{report_id}", status_code=303)
    if stored is None:
        return _error(404, "No such report in your newsroom.")
    name = f"tadqiq-{stored.summary.id}"
    if kind == "csv":
        return Response(csv_text(stored), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    if kind == "markdown":
        return Response(markdown(stored), media_type="text/markdown; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.md"'})
    if kind == "claimreview":
        return Response(claimreview(stored, caller.newsroom), media_type="application/ld+json",
                        headers={"Content-Disposition": f'attachment; filename="{name}.jsonld"'})
    return _error(404, "No such export.")


PAGES = [Router(path="/", route_handlers=[
    home, login_form, login, logout, report_list, report_page, review, export,
    create_static_files_router(path="/static", directories=[HERE / "static"])],
    response_headers=HEADERS, include_in_schema=False)]
