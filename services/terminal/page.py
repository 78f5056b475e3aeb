"""HTML of the counter terminal: two pages, no framework, large touch targets.

Written for a cheap Android tablet: system fonts, no external files, forms that work
without JavaScript, and a small script that refreshes the token every few seconds.
"""

from __future__ import annotations

from html import escape
from typing import Any

STYLE = """
*{box-sizing:border-box}body{margin:0;font-family:system-ui,Roboto,'Noto Sans',sans-serif;background:#f3f5f7;color:#1c2733}
header{background:#0b4f6c;color:#fff;padding:12px 16px;display:flex;justify-content:space-between;align-items:center}
header h1{font-size:20px;margin:0}main{max-width:720px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:12px;padding:16px;margin-bottom:16px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
.token{font-size:88px;font-weight:800;text-align:center;letter-spacing:2px;margin:8px 0;color:#0b4f6c}
.muted{color:#5b6b7a}.center{text-align:center}.msg{padding:12px;border-radius:8px;margin-bottom:12px;font-size:18px}
.ok{background:#e3f4e8;color:#1b5e20}.err{background:#fdecea;color:#b71c1c}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:12px}
button,select,input{font-size:22px;padding:16px;border-radius:10px;border:1px solid #9aa9b6;width:100%}
button{background:#e8eef3;font-weight:700;cursor:pointer}button.primary{background:#0b7a3e;color:#fff;border-color:#0b7a3e}
button.warn{background:#fff4e0;border-color:#c77700}button:disabled{opacity:.4}
label{display:block;margin:12px 0 4px;font-size:18px}form{margin:0}
.small button{font-size:16px;padding:8px 12px;width:auto;background:#fff;color:#0b4f6c}
"""


def _doc(title: str, body: str, script: str = "") -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>{body}"
        f"{'<script>' + script + '</script>' if script else ''}</body></html>"
    )


def sign_in(site_name: str, error: str) -> str:
    """The PIN sign-in page."""
    err = f"<div class='msg err' id='error'>{escape(error)}</div>" if error else ""
    body = (
        f"<header><h1>{escape(site_name or 'DRC')} - Counter terminal</h1></header><main><div class='card'>"
        f"{err}<form method='post' action='/login'>"
        "<label for='username'>Username</label>"
        "<input id='username' name='username' autocomplete='username' autocapitalize='none' required>"
        "<label for='pin'>PIN</label>"
        "<input id='pin' name='pin' type='password' inputmode='numeric' autocomplete='current-password' required>"
        "<p><button class='primary' id='sign-in' type='submit'>Sign in</button></p></form></div></main>"
    )
    return _doc("Sign in - DRC counter", body)


def _mmss(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}"


_CHANGE_TEXT = {"birth": "Birth", "death": "Death", "marriage": "Marriage", "divorce": "Divorce",
                "disability": "Disability", "gender": "Gender", "contact": "Contact", "address": "Address"}


def _desk(token: dict[str, Any]) -> str:
    """The triage desk's notes under the token: which roster changes, B-form, identity override."""
    desk = token.get("desk") or {}
    parts = []
    if desk.get("roster_changes"):
        changes = ", ".join(_CHANGE_TEXT.get(c, c) for c in desk["roster_changes"])
        parts.append(f"<p class='center' id='roster-changes'><b>Changes:</b> {escape(changes)}</p>")
    if desk.get("bform") is not None:
        parts.append(f"<p class='center muted' id='bform'>B-form: {'shown at the desk' if desk['bform'] else 'not shown'}"
                     "</p>")
    if desk.get("override"):
        parts.append("<p class='center msg err' id='override'>Identity blocked by NADRA: let through by the "
                     "supervisor (see the audit trail)</p>")
    return "".join(parts)


_STATE_TEXT = {"called": "Called - waiting for the visitor", "in_service": "In service"}

SCRIPT = """
(function(){
 function fmt(s){if(s==null)return '';var m=Math.floor(s/60),x=s%60;return m+':'+(x<10?'0':'')+x;}
 function tick(){
  var r=new XMLHttpRequest();r.open('GET','/api/state');r.setRequestHeader('Accept','application/json');
  r.onload=function(){if(r.status!==200){return;}var d=JSON.parse(r.responseText);
   var now=d.token?d.token.number+'|'+d.token.state:'';
   if(now!==document.body.getAttribute('data-token')){location.replace('/');return;}
   document.getElementById('waiting').textContent=d.waiting;
   var el=document.getElementById('elapsed');if(el){el.textContent=fmt(d.seconds);}};
  r.send();}
 setInterval(tick,4000);
})();
"""


def counter(site_name: str, st: dict[str, Any], message: str, is_error: bool, types: list[str]) -> str:
    """The counter page: current token, the actions that fit its state, waiting count."""
    token = st["token"]
    csrf = escape(st["csrf"])
    msg = (f"<div class='msg {'err' if is_error else 'ok'}' id='message'>{escape(message)}</div>"
           if message else "")
    c = st["counter"]
    head = (f"<header><h1>{escape(c['label']) if c else 'No counter'}</h1>"
            f"<form method='post' action='/logout' class='small'><span>{escape(st['user'])}</span> "
            "<button type='submit'>Sign out</button></form></header>")
    if c is None:
        body = (f"{head}<main>{msg}<div class='card center'><p>You are not assigned to a counter today.</p>"
                "<p class='muted'>Ask the supervisor to put you on a counter, then reload.</p></div></main>")
        return _doc("DRC counter", body)

    def button(action: str, text: str, enabled: bool, cls: str = "") -> str:
        return (f"<form method='post' action='/action/{action}'><input type='hidden' name='csrf' value='{csrf}'>"
                f"<button type='submit' id='btn-{action}' class='{cls}'{'' if enabled else ' disabled'}>"
                f"{escape(text)}</button></form>")

    state = token["state"] if token else None
    if token:
        prio = " - priority" if token["priority"] else ""
        now_card = (f"<div class='token' id='token'>{escape(token['number'])}</div>"
                    f"<p class='center muted' id='token-state'>{escape(_STATE_TEXT.get(str(state), str(state)))}"
                    f"{escape(prio)} - <span id='elapsed'>{_mmss(st['seconds'])}</span></p>{_desk(token)}")
    else:
        now_card = "<div class='token muted' id='token'>---</div><p class='center muted'>No visitor at the counter</p>"
    paused = "" if c["state"] == "open" else f"<div class='msg err'>This counter is {escape(c['state'])}.</div>"
    options = "".join(f"<option value='{escape(t)}'>{escape(t.replace('_', ' ').title())}</option>" for t in types)
    transfer = (
        "<form method='post' action='/action/transfer' class='card'>"
        f"<input type='hidden' name='csrf' value='{csrf}'><label for='type'>Transfer to another update type</label>"
        f"<div class='grid'><select id='type' name='type'>{options}</select>"
        f"<button type='submit' id='btn-transfer'{'' if state == 'called' else ' disabled'}>Transfer</button></div></form>"
    )
    slip = (
        "<form method='post' action='/action/slip' class='card'>"
        f"<input type='hidden' name='csrf' value='{csrf}'><label for='code'>Check a slip (scan or type its code)</label>"
        "<input id='code' name='code' autocomplete='off' autocapitalize='none'>"
        "<label for='cnic'>Visitor's CNIC (optional: proves the slip is theirs)</label>"
        "<input id='cnic' name='cnic' inputmode='numeric' autocomplete='off'>"
        "<p><button type='submit' id='btn-slip'>Check slip</button></p></form>"
    )
    body = (
        f"{head}<main>{msg}{paused}<div class='card'>{now_card}</div><div class='card grid'>"
        + button("call", "Call next", token is None and c["state"] == "open", "primary")
        + button("recall", "Recall", state == "called")
        + button("start", "Start", state == "called")
        + button("complete", "Complete", state == "in_service", "primary")
        + button("no_show", "No-show", state == "called", "warn")
        + "</div>" + transfer + slip
        + f"<p class='center muted'>Waiting for this counter: <b id='waiting'>{st['waiting']}</b></p></main>"
    )
    marker = f"{token['number']}|{state}" if token else ""
    return _doc(f"{c['label']} - DRC counter", body, SCRIPT).replace(
        "<body>", f"<body data-token='{escape(marker)}'>", 1)
