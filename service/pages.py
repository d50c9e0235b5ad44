"""The fact-checkers' pages: sign in with a key, list the newsroom's reports, read one, review its verdicts.

Server-rendered (Jinja, autoescaped), no script at all: filters are links, review controls are forms. Every page
carries a Content-Security-Policy that allows only this server's stylesheet, so even a claim that slipped past
escaping could not run. Signing in opens a server-side session (``service.auth``); every form carries a CSRF token
(Litestar's CSRF middleware, configured in ``service.app``), and forms are small (``FORM_BYTES``). A review sent
from the page goes through the same schema and checks as ``POST /v1/checks/{id}/reviews``.

Pages are drawn in the worker pool (``service.pool``), a large report a page at a time: ``VERDICTS`` verdicts per
page (grouped by status with the filter chips) and ``CLAIMS`` claims per page of the claims table.
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
import re

from babel import Locale, negotiate_locale
from markupsafe import Markup, escape
from litestar import MediaType, Request, Response, Router, get, post
from litestar.datastructures import Cookie, ResponseHeader
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Stream
from litestar.static_files import create_static_files_router
from litestar.utils.scope.state import ScopeState

from service.auth import COOKIE, Caller, session_caller, session_id
from service.exports import claimreview, csv_chunks, ld_json, markdown_chunks
from service.pool import run, stream
from service.problems import ProblemError
from service.review import STATUSES, ReviewRequest, current, problem
from service.storage import BadCursor, Stored
from service.throttle import address
from service.people import speaker
from service.messages import LANGUAGES, N_, WORDS, gettext, direction, page_language, page_tag, words
from service.view import claim_texts, report_tally, verdict_views

__all__ = ["CSP", "FORM_BYTES", "PAGES"]

HERE = Path(__file__).parent
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
HEADERS = [ResponseHeader(name="Content-Security-Policy", value=CSP),
           ResponseHeader(name="Referrer-Policy", value="same-origin"),
           ResponseHeader(name="X-Frame-Options", value="DENY")]

#: Runs that read left to right inside any text: ISO dates and ranges of them (an ISO interval "2021-01-20/"), and the Latin-digit figures with
#: their signs and units a rule's sentence carries ("2025-01-01 – 2025-12-31", "0–100 %", "-40 %").
_LTR = re.compile(r"\d{4}-\d\d-\d\d(?:\s*[–/-]\s*(?:\d{4}-\d\d-\d\d)?)?|[-−+]?\d[\d.,]*(?:\s?[–-]\s?\d[\d.,]*)?\s?%")


def isolated(text: str) -> Markup:
    """Text (escaped) with its left-to-right runs isolated, so that an Arabic sentence does not reverse a date."""
    out, last = [], 0
    for m in _LTR.finditer(text):
        out += [escape(text[last:m.start()]), Markup('<bdi dir="ltr">'), escape(m.group()), Markup("</bdi>")]
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


_SENTENCE_END = re.compile(r"(?<=[.!?؟؛])\s")


def first_sentence(text: str) -> str:
    """The first sentence of a rule's explanation: the one line a passed check shows folded."""
    return _SENTENCE_END.split(text, maxsplit=1)[0]


if TYPE_CHECKING:
    from jinja2 import Environment


def _environment(lang: str) -> Environment:
    """The page language's environment, made when its first page is drawn (jinja and the five environments cost a
    server 40 ms of its start, before its first answer, which is a check and draws no page)."""
    env = _ENVS.get(lang)
    if env is not None:
        return env
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(gettext(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals["WORDS"] = WORDS
    env.globals["direction"] = direction
    env.globals["english"] = Locale("en").get_display_name(lang)
    env.filters["isolated"] = isolated
    env.filters["first_sentence"] = first_sentence
    return _ENVS.setdefault(lang, env)  # two threads that made one at once keep the same


#: One environment per page language, each with its catalogue (templates compile once per language per process).
_ENVS: dict[str, Environment] = {}
#: The largest form (sign-in, a review with its 4 000-character note).
FORM_BYTES = 16 * 1024
#: What needs a fact-checker first: the order of statuses on a report page (consistent checks last, folded).
ATTENTION = {"inconsistent": 0, "doubtful": 1, "unverifiable": 2, "consistent": 3}
#: Verdicts per page of a report, and claims per page of its claims table.
VERDICTS = 100
CLAIMS = 200


def _draw(name: str, tag: str, context: dict[str, Any]) -> str:
    lang = page_language(tag)
    return _environment(lang).get_template(name).render(lang=lang, dir=direction(lang), statuses=STATUSES,
                                                 say=speaker(tag), languages=LANGUAGES, **context)


def _asked(request: Request[Any, Any, Any]) -> str:
    """The page language this browser asks for: ``?lang=`` when it is one of ours, else its Accept-Language."""
    chosen = request.query_params.get("lang")
    if chosen in LANGUAGES:
        return chosen
    header = request.headers.get("accept-language", "")[:200]
    wanted = [part.split(";")[0].strip().replace("-", "_") for part in header.split(",") if part.strip()]
    return negotiate_locale(wanted, list(LANGUAGES)) or "en"


async def _page(request: Request[Any, Any, Any], name: str, code: int = 200, language: str | None = None,
                **context: Any) -> Response[Any]:
    """A page drawn in the pool, with the form token of this browser; in ``language`` (a report's) or the one the
    browser asks for."""
    token = ScopeState.from_scope(request.scope).csrf_token
    tag = language or _asked(request)
    html = await run(request, _draw, name, tag, {"csrf": token if isinstance(token, str) else "", **context})
    return Response(html, status_code=code, media_type=MediaType.HTML)


async def _error(request: Request[Any, Any, Any], status: int, message: str, detail: str | None = None
                 ) -> Response[Any]:
    """An error page: ``message`` a catalogue message (marked with ``N_``), ``detail`` English text as it came."""
    return await _page(request, "error.html", status, message=message, status=status, detail=detail)


@get("/", include_in_schema=False)
async def home() -> Redirect:
    return Redirect("/reports", status_code=303)


@get("/login", include_in_schema=False)
async def login_form(request: Request[Any, Any, Any], next: FromQuery[str | None] = None) -> Response[Any]:
    return await _page(request, "login.html", error=None, next=_safe_next(next))


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/reports") and "//" not in target and len(target) < 200 \
        else "/reports"


async def _form(request: Request[Any, Any, Any]) -> dict[str, str]:
    """The form's fields (one value each; the CSRF token already checked and left out)."""
    form = await request.form()
    return {k: v for k, v in form.items() if k != "_csrf_token" and isinstance(v, str)}


@post("/login", include_in_schema=False, request_max_body_size=FORM_BYTES)
async def login(request: Request[Any, Any, Any]) -> Response[Any]:
    state = request.app.state
    data = await _form(request)
    where = address(request)
    await state.throttle.locked(where)
    caller = state.api_keys.find((data.get("key") or "").strip())
    if caller is not None and await state.revoked(caller.digest):
        caller = None
    if caller is None:
        await state.throttle.failed(where)
        return await _page(request, "login.html", 401, error=N_("This key is not known here."),
                           next=_safe_next(data.get("next")))
    token = secrets.token_urlsafe(32)
    await state.store.open_session(session_id(token), caller.digest, state.settings.session_hours)
    cookie = Cookie(key=COOKIE, value=token, httponly=True, samesite="strict", path="/",
                    max_age=state.settings.session_hours * 3600, secure=request.url.scheme == "https")
    return Redirect(_safe_next(data.get("next")), status_code=303, cookies=[cookie])


@post("/logout", include_in_schema=False, request_max_body_size=FORM_BYTES)
async def logout(request: Request[Any, Any, Any]) -> Response[Any]:
    cookie = request.cookies.get(COOKIE)
    if cookie and len(cookie) <= 100:
        await request.app.state.store.close_session(session_id(cookie))
    return Redirect("/login", status_code=303, cookies=[Cookie(key=COOKIE, value="", max_age=0, path="/")])


@get("/reports", include_in_schema=False)
async def report_list(request: Request[Any, Any, Any], status: FromQuery[str | None] = None,
                      since: FromQuery[str | None] = None, until: FromQuery[str | None] = None,
                      cursor: FromQuery[str | None] = None) -> Response[Any]:
    caller = await session_caller(request)
    if caller is None:
        return Redirect("/login", status_code=303)
    try:
        page = await request.app.state.store.page(
            caller.newsroom, status=status if status in STATUSES else None,
            since=dt.date.fromisoformat(since) if since else None,
            until=dt.date.fromisoformat(until) if until else None, limit=50, cursor=(cursor or None) and cursor[:64])
    except (BadCursor, ValueError) as exc:
        return await _error(request, 400, N_("This list cannot be shown:"), str(exc))
    return await _page(request, "reports.html", page=page, caller=caller, status=status if status in STATUSES else None,
                       since=since or "", until=until or "")


async def _stored(request: Request[Any, Any, Any], report_id: str) -> tuple[Caller | None, Stored | None]:
    caller = await session_caller(request)
    if caller is None or len(report_id) > 64:
        return caller, None
    return caller, await request.app.state.store.get(caller.newsroom, report_id)


def _report(stored: Stored, caller: Caller, status: str | None, page: int, claims_page: int,
            error: tuple[str, str] | None, tag: str) -> dict[str, Any]:
    """What the report page shows: one page of verdicts (of one status, if chosen), one page of claims."""
    doc = stored.report.document
    states = [s for s in current(stored.report, stored.reviews) if status is None or s.status == status]
    indices = [s.verdict for s in sorted(states, key=lambda s: ATTENTION.get(s.status, len(ATTENTION)))]
    pages = max(1, -(-len(indices) // VERDICTS))
    page = min(max(page, 1), pages)
    chosen = set(indices[(page - 1) * VERDICTS:page * VERDICTS])
    views = [v for v in verdict_views(stored, tag, words(tag),
                                      range(min(chosen), max(chosen) + 1) if chosen else range(0))
             if v.index in chosen]
    views.sort(key=lambda v: (ATTENTION.get(v.state.status, len(ATTENTION)), v.index))
    texts = claim_texts(stored)
    claim_pages = max(1, -(-len(stored.report.claims) // CLAIMS))
    claims_page = min(max(claims_page, 1), claim_pages)
    claims = [(texts.get(c.id), c) for c in stored.report.claims[(claims_page - 1) * CLAIMS:claims_page * CLAIMS]]
    return dict(stored=stored, doc=doc, views=views, text=_article(stored, claims_from=0), claims=claims, texts=texts, tally=report_tally(stored), status=status,
                caller=caller, can_review=caller.may("reviewer"), error=error, page=page, pages=_numbers(page, pages),
                claims_page=claims_page, claim_pages=_numbers(claims_page, claim_pages),
                claims_from=(claims_page - 1) * CLAIMS,
                url=doc.url if doc.url and doc.url.startswith(("https://", "http://")) else None)


def _article(stored: Stored, claims_from: int) -> Markup | None:
    """The article's text, when the report has it, with each figure a claim printed marked and linked to the claim
    (its first occurrence not inside another's); None when the report carries no text."""
    text = getattr(stored.report, "text", None)
    if not isinstance(text, str) or not text:
        return None
    spans: list[tuple[int, int, int]] = []
    for n, c in enumerate(stored.report.claims):
        printed = c.value.text if c.value is not None else c.time.text if c.time is not None else None
        if not printed:
            continue
        at = text.find(printed)
        while at >= 0 and any(a < at + len(printed) and at < b for a, b, _ in spans):
            at = text.find(printed, at + 1)
        if at >= 0:
            spans.append((at, at + len(printed), n))
    out, last = [], 0
    for a, b, n in sorted(spans):
        out += [escape(text[last:a]), Markup(f'<mark><a href="#claim-{claims_from + n}">'), escape(text[a:b]),
                Markup("</a></mark>")]
        last = b
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _numbers(current: int, last: int) -> list[int | None]:
    """Page links: the first and last three, two either side of the current one, None for a gap."""
    shown = [n for n in range(1, last + 1) if n <= 3 or n > last - 3 or abs(n - current) <= 2]
    out: list[int | None] = []
    for n in shown:
        if out and out[-1] is not None and n > out[-1] + 1:
            out.append(None)
        out.append(n)
    return out


async def _report_page(request: Request[Any, Any, Any], stored: Stored, caller: Caller, status: str | None,
                       page: int = 1, claims_page: int = 1, error: tuple[str, str] | None = None,
                       code: int = 200) -> Response[Any]:
    chosen = request.query_params.get("lang")
    tag = page_tag(stored.report.document.language, chosen)
    context = await run(request, _report, stored, caller, status, page, claims_page, error, tag)
    return await _page(request, "report.html", code, tag, keep=f"lang={chosen}" if chosen in LANGUAGES else "",
                       **context)


@get("/reports/{report_id:str}", include_in_schema=False)
async def report_page(request: Request[Any, Any, Any], report_id: FromPath[str],
                      status: FromQuery[str | None] = None, page: FromQuery[int] = 1,
                      claims: FromQuery[int] = 1) -> Response[Any]:
    caller, stored = await _stored(request, report_id)
    if caller is None:
        return Redirect(f"/login?next=/reports/{report_id[:64]}", status_code=303)
    if stored is None:
        return await _error(request, 404, N_("No such report in your newsroom."))
    return await _report_page(request, stored, caller, status if status in STATUSES else None, page, claims)


@post("/reports/{report_id:str}/review", include_in_schema=False, request_max_body_size=FORM_BYTES)
async def review(request: Request[Any, Any, Any], report_id: FromPath[str]) -> Response[Any]:
    caller = await session_caller(request)
    if caller is None:
        return await _error(request, 401, N_("Sign in with your key first."))
    if not caller.may("reviewer"):
        return await _error(request, 403, N_("Your key may read reports but not review them."))
    data = await _form(request)
    if data.get("decision") != "override" or not data.get("status"):
        data.pop("status", None)  # the page's status menu counts only with 'override'
    try:  # the API's own schema: the same limits and the same words
        decision = msgspec.convert(data, ReviewRequest, strict=False)
    except msgspec.ValidationError as exc:
        stored = await request.app.state.store.get(caller.newsroom, report_id[:64])
        if stored is None:
            return await _error(request, 404, N_("No such report in your newsroom."))
        return await _report_page(request, stored, caller, None, error=(N_("The review was not recorded:"), str(exc)),
                                  code=422)
    refused: list[str] = []

    def check(report, made) -> None:  # type: ignore[no-untyped-def]
        why = problem(report, made)
        if why:
            refused.append(why)
            raise ProblemError(422, "The review cannot apply to this report", why)

    try:
        made = await request.app.state.store.review(caller.newsroom, report_id[:64], decision, caller.who,
                                                    caller.role, check)
    except ProblemError:
        stored = await request.app.state.store.get(caller.newsroom, report_id[:64])
        assert stored is not None
        return await _report_page(request, stored, caller, None, error=(N_("The review cannot apply to this report:"), refused[0]), code=422)
    if made is None:
        return await _error(request, 404, N_("No such report in your newsroom."))
    chosen = request.query_params.get("lang")
    keep = f"&lang={chosen}" if chosen in LANGUAGES else ""
    return Redirect(f"/reports/{report_id}?page={decision.verdict // VERDICTS + 1}{keep}#v{decision.verdict}",
                    status_code=303)


@get("/reports/{report_id:str}/export/{kind:str}", include_in_schema=False)
async def export(request: Request[Any, Any, Any], report_id: FromPath[str], kind: FromPath[str]) -> Response[Any]:
    caller, stored = await _stored(request, report_id)
    if caller is None:
        return Redirect(f"/login?next=/reports/{report_id[:64]}", status_code=303)
    if stored is None:
        return await _error(request, 404, N_("No such report in your newsroom."))
    name = f"tadqiq-{stored.summary.id}"
    if kind == "csv":
        return Stream(stream(request, csv_chunks(stored)), media_type="text/csv",  # Litestar adds the charset
                      headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    if kind == "markdown":
        return Stream(stream(request, markdown_chunks(stored)), media_type="text/markdown",
                      headers={"Content-Disposition": f'attachment; filename="{name}.md"'})
    if kind == "claimreview":
        base, every = str(request.base_url).rstrip("/"), request.query_params.get("all") == "true"
        newsroom = request.app.state.api_keys.newsroom(caller.newsroom)
        body = await run(request, lambda: ld_json(claimreview(stored, newsroom, base, every)))
        return Response(body, media_type="application/ld+json",
                        headers={"Content-Disposition": f'attachment; filename="{name}.jsonld"'})
    return await _error(request, 404, N_("No such export."))


PAGES = [Router(path="/", route_handlers=[
    home, login_form, login, logout, report_list, report_page, review, export,
    create_static_files_router(path="/static", directories=[HERE / "static"])],
    response_headers=HEADERS, include_in_schema=False)]
