"""HTML of the counter terminal: two pages, no framework, large touch targets.

Written for a cheap Android tablet: system fonts, no external files, forms that work
without JavaScript, and a small script that refreshes the token every few seconds. Every page
comes in English or Urdu (right to left); the header's link switches (``services.terminal.words``).
"""

from __future__ import annotations

from html import escape
from typing import Any

from services.terminal.words import comma, counter_name, say, type_name

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
button.warn{background:#fff4e0;border-color:#c77700}
button:disabled,button.primary:disabled,button.warn:disabled{background:#e4e7ea;color:#5c5c5c;border-color:#c3cbd3}
label{display:block;margin:12px 0 4px;font-size:18px}form{margin:0}
.small button{font-size:16px;padding:8px 12px;width:auto;background:#fff;color:#0b4f6c}
a.lang{color:#fff;font-size:18px;padding:8px 12px;border:1px solid #fff;border-radius:8px;text-decoration:none}
html[dir=rtl] body{font-family:'Noto Naskh Arabic','Noto Nastaliq Urdu',system-ui,sans-serif}
html[dir=rtl] label,html[dir=rtl] .msg{font-size:20px}
"""


def _doc(title: str, body: str, script: str = "", lang: str = "en") -> str:
    direction = "rtl" if lang == "ur" else "ltr"
    return (
        f"<!doctype html><html lang='{lang}' dir='{direction}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>{body}"
        f"{'<script>' + script + '</script>' if script else ''}</body></html>"
    )


def _switch(lang: str) -> str:
    """The header link to the other language (named in that language)."""
    other = "en" if lang == "ur" else "ur"
    return f"<a class='lang' id='lang' href='/lang/{other}' lang='{other}'>{escape(say(lang, 'language'))}</a>"


def sign_in(site_name: str, error: str, lang: str = "en") -> str:
    """The PIN sign-in page."""
    err = f"<div class='msg err' id='error'>{escape(error)}</div>" if error else ""
    t = lambda key, **p: escape(say(lang, key, **p))  # noqa: E731
    body = (
        f"<header><h1>{t('title', site=site_name or 'DRC')}</h1>{_switch(lang)}</header><main><div class='card'>"
        f"{err}<form method='post' action='/login'>"
        f"<label for='username'>{t('username')}</label>"
        "<input id='username' name='username' autocomplete='username' autocapitalize='none' dir='ltr' required>"
        f"<label for='pin'>{t('pin')}</label>"
        "<input id='pin' name='pin' type='password' inputmode='numeric' autocomplete='current-password' dir='ltr'"
        " required>"
        f"<p><button class='primary' id='sign-in' type='submit'>{t('sign_in')}</button></p></form></div></main>"
    )
    return _doc(say(lang, "sign_in_title"), body, lang=lang)


def _mmss(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}"


_CHANGE_KEYS = ("birth", "death", "marriage", "divorce", "disability", "gender", "contact", "address")


def _desk(token: dict[str, Any], lang: str = "en") -> str:
    """The triage desk's notes under the token: which roster changes, B-form, identity override."""
    desk = token.get("desk") or {}
    parts = []
    if desk.get("roster_changes"):
        changes = comma(lang, [say(lang, f"change_{c}") if c in _CHANGE_KEYS else c for c in desk["roster_changes"]])
        parts.append(f"<p class='center' id='roster-changes'><b>{escape(say(lang, 'changes'))}</b> {escape(changes)}</p>")
    if desk.get("bform") is not None:
        shown = say(lang, "bform_shown" if desk["bform"] else "bform_not_shown")
        parts.append(f"<p class='center muted' id='bform'>{escape(shown)}</p>")
    if desk.get("override"):
        parts.append(f"<p class='center msg err' id='override'>{escape(say(lang, 'override'))}</p>")
    return "".join(parts)


_STATE_KEYS = {"called": "state_called", "in_service": "state_in_service"}

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


def counter(site_name: str, st: dict[str, Any], message: str, is_error: bool, types: list[str],
            lang: str = "en") -> str:
    """The counter page: current token, the actions that fit its state, waiting count."""
    t = lambda key, **p: escape(say(lang, key, **p))  # noqa: E731
    token = st["token"]
    csrf = escape(st["csrf"])
    msg = (f"<div class='msg {'err' if is_error else 'ok'}' id='message'>{escape(message)}</div>"
           if message else "")
    c = st["counter"]
    name = counter_name(lang, c["number"], c["label"]) if c else say(lang, "no_counter")
    head = (f"<header><h1>{escape(name)}</h1>{_switch(lang)}"
            f"<form method='post' action='/logout' class='small'><span dir='ltr'>{escape(st['user'])}</span> "
            f"<button type='submit'>{t('sign_out')}</button></form></header>")
    if c is None:
        body = (f"{head}<main>{msg}<div class='card center'><p>{t('not_assigned')}</p>"
                f"<p class='muted'>{t('ask_supervisor')}</p></div></main>")
        return _doc(say(lang, "no_counter"), body, lang=lang)

    def button(action: str, text: str, enabled: bool, cls: str = "") -> str:
        return (f"<form method='post' action='/action/{action}'><input type='hidden' name='csrf' value='{csrf}'>"
                f"<button type='submit' id='btn-{action}' class='{cls}'{'' if enabled else ' disabled'}>"
                f"{escape(text)}</button></form>")

    state = token["state"] if token else None
    if token:
        prio = say(lang, "priority") if token["priority"] else ""
        state_text = say(lang, _STATE_KEYS[str(state)]) if str(state) in _STATE_KEYS else str(state)
        now_card = (f"<div class='token' id='token' dir='ltr'>{escape(token['number'])}</div>"
                    f"<p class='center muted' id='token-state'>{escape(state_text)}"
                    f"{escape(prio)} - <span id='elapsed' dir='ltr'>{_mmss(st['seconds'])}</span></p>"
                    f"{_desk(token, lang)}")
    else:
        now_card = (f"<div class='token muted' id='token'>---</div>"
                    f"<p class='center muted'>{t('nobody_at_counter')}</p>")
    paused = ("" if c["state"] == "open"
              else f"<div class='msg err'>{t('counter_state', state=say(lang, c['state']))}</div>")
    options = "".join(f"<option value='{escape(v)}'>{escape(type_name(lang, v))}</option>" for v in types)
    transfer = (
        "<form method='post' action='/action/transfer' class='card'>"
        f"<input type='hidden' name='csrf' value='{csrf}'><label for='type'>{t('transfer_to')}</label>"
        f"<div class='grid'><select id='type' name='type'>{options}</select>"
        f"<button type='submit' id='btn-transfer'{'' if state == 'called' else ' disabled'}>{t('transfer')}</button>"
        "</div></form>"
    )
    slip = (
        "<form method='post' action='/action/slip' class='card'>"
        f"<input type='hidden' name='csrf' value='{csrf}'><label for='code'>{t('check_slip')}</label>"
        "<input id='code' name='code' autocomplete='off' autocapitalize='none' dir='ltr'>"
        f"<label for='cnic'>{t('slip_cnic')}</label>"
        "<input id='cnic' name='cnic' inputmode='numeric' autocomplete='off' dir='ltr'>"
        f"<p><button type='submit' id='btn-slip'>{t('check_slip_button')}</button></p></form>"
    )
    body = (
        f"{head}<main>{msg}{paused}<div class='card'>{now_card}</div><div class='card grid'>"
        + button("call", say(lang, "call"), token is None and c["state"] == "open", "primary")
        + button("recall", say(lang, "recall"), state == "called")
        + button("start", say(lang, "start"), state == "called")
        + button("complete", say(lang, "complete"), state == "in_service", "primary")
        + button("no_show", say(lang, "no_show"), state == "called", "warn")
        + "</div>" + transfer + slip
        + f"<p class='center muted'>{t('waiting_here')} <b id='waiting'>{st['waiting']}</b></p></main>"
    )
    marker = f"{token['number']}|{state}" if token else ""
    return _doc(say(lang, "page_title", counter=name), body, SCRIPT, lang=lang).replace(
        "<body>", f"<body data-token='{escape(marker)}'>", 1)
