"""Reading what the hub says besides its answers: the slug and text of an application/problem+json
failure, and a mask on urllib3's request log lines (no path of the contract carries a CNIC; this
is defence in depth)."""

from __future__ import annotations

import logging
import re

import requests


class MaskCnicFilter(logging.Filter):
    """urllib3 logs request lines at DEBUG: mask anything shaped like a CNIC (defence in depth;
    no path of the contract carries one)."""

    _digits = re.compile(r"(?<!\d)(\d{5})\d{5}(\d{3})(?!\d)")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.msg = record.msg % record.args
            record.args = None
        record.msg = self._digits.sub(r"\1*****\2", str(record.msg))
        return True


logging.getLogger("urllib3.connectionpool").addFilter(MaskCnicFilter())


def problem_code(resp: requests.Response) -> str | None:
    """The slug of an application/problem+json ``type`` (``.../problems/unknown-token`` -> ``unknown-token``)."""
    try:
        body = resp.json()
    except ValueError:
        return None
    kind = body.get("type") if isinstance(body, dict) else None
    return str(kind).rsplit("/", 1)[-1][:60] if kind else None


def problem_detail(resp: requests.Response) -> str:
    """``title``/``detail`` of an application/problem+json body, shortened; '' if none."""
    try:
        body = resp.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    text = str(body.get("detail") or body.get("title") or "")
    return text[:160]
