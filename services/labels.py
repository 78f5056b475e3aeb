"""Names of update types and token states as people read them, in English and Urdu.

Plain data so the slip printer, the board and the pages all say the same thing. English text
is passed through Qt's translation in the console (context "UpdateType" / "TokenState").
"""

from __future__ import annotations

from vocabulary import CounterState, Permission, PriorityReason, Role, TokenState, UpdateType

UPDATE_TYPE_EN: dict[UpdateType, str] = {
    UpdateType.MISSED_OUT: "Missed-out household",
    UpdateType.ROSTER: "Roster update",
    UpdateType.SHOCK: "Shock update",
    UpdateType.APPEAL: "Appeal against cut-off",
    UpdateType.CYCLIC: "Cyclic update",
    UpdateType.RECERTIFICATION: "Recertification",
}

UPDATE_TYPE_UR: dict[UpdateType, str] = {
    UpdateType.MISSED_OUT: "رہ جانے والے گھرانے کا اندراج",
    UpdateType.ROSTER: "خاندانی کوائف میں تبدیلی",
    UpdateType.SHOCK: "آفت زدہ علاقے کا سروے",
    UpdateType.APPEAL: "اہلیت کے فیصلے کے خلاف اپیل",
    UpdateType.CYCLIC: "دوبارہ سروے",
    UpdateType.RECERTIFICATION: "دوبارہ تصدیق",
}

TOKEN_STATE_EN: dict[TokenState, str] = {
    TokenState.WAITING: "Waiting",
    TokenState.CALLED: "Called",
    TokenState.IN_SERVICE: "In service",
    TokenState.COMPLETED: "Completed",
    TokenState.NO_SHOW: "No-show",
    TokenState.CANCELLED: "Cancelled",
}

COUNTER_STATE_EN: dict[CounterState, str] = {
    CounterState.OPEN: "Open",
    CounterState.PAUSED: "On break",
    CounterState.CLOSED: "Closed",
}

UPDATE_TYPE_SHORT_EN: dict[UpdateType, str] = {
    UpdateType.MISSED_OUT: "Missed-out",
    UpdateType.ROSTER: "Roster",
    UpdateType.SHOCK: "Shock",
    UpdateType.APPEAL: "Appeal",
    UpdateType.CYCLIC: "Cyclic",
    UpdateType.RECERTIFICATION: "Recert.",
}

PRIORITY_REASON_EN: dict[PriorityReason, str] = {
    PriorityReason.ELDERLY: "Elderly",
    PriorityReason.DISABILITY: "Disability",
    PriorityReason.PREGNANT_OR_INFANT: "Pregnant / with infant",
    PriorityReason.OTHER: "Other",
}

ROLE_EN: dict[Role, str] = {
    Role.ADMIN: "Administrator",
    Role.SUPERVISOR: "Supervisor",
    Role.TRIAGE: "Triage staff",
    Role.DEO: "DEO",
    Role.REGIONAL_MANAGER: "Regional manager",
}

# What a permission lets a person do, as it reads after "you may not ..." (error ``permission_denied``).
PERMISSION_EN: dict[Permission, str] = {
    Permission.ISSUE_TOKEN: "issue tokens",
    Permission.CANCEL_TOKEN: "cancel tokens",
    Permission.TRANSFER_TOKEN: "transfer tokens",
    Permission.REPRINT: "reprint slips",
    Permission.SERVE_ANY_COUNTER: "serve at any counter",
    Permission.SERVE_OWN_COUNTER: "serve at a counter",
    Permission.MANAGE_COUNTERS: "manage counters",
    Permission.OPEN_CLOSE_DAY: "open or close the day",
    Permission.MANAGE_STAFF: "manage staff",
    Permission.VIEW_METRICS: "see the figures",
    Permission.VIEW_REGION: "see the region",
    Permission.SEE_FULL_CNIC: "see full CNICs",
    Permission.CONFIGURE: "change the settings",
}

# What a refused action says, by the error's ``code`` (``services.errors.DomainError``); ``{name}``
# placeholders take the error's ``params``. The console shows them translated (``console.names``).
ERROR_TEMPLATES: dict[str, str] = {
    "appeals_off": "Appeals against the cut-off are not launched; choose another update type.",
    "already_has_token": "This CNIC already holds token {number} today.",
    "no_deo": "{counter} has no DEO; assign one before calling.",
    "counter_not_open": "{counter} is {counter_state}; open it before calling.",
    "counter_busy": "{counter} is still serving {number}; finish it first.",
    "serves_nothing": "{counter} serves no update type.",
    "unknown_priority_reason": "Unknown priority reason: {reason}.",
    "illegal_transition": "Token {number} cannot be {action} now: it is {state}.",
    "not_eligible": "Not eligible for {type}: {reason}",
    "not_by_hand": "{type} cannot be chosen by hand under the current policy.",
    "recall_limit": "{number} was recalled {count} times; mark it no-show.",
    "recalls_needed": "Recall {number} {left} more time(s) before marking it no-show.",
    "nobody_serves": "No open counter with a DEO serves {type} now; choose another type.",
    "cnic_again_needed": "Type the CNIC a second time before issuing a missed-out token.",
    "cnic_again_mismatch": "The CNIC typed the second time is different: check the card; nothing was issued.",
    "roster_change_needed": "Tick what changes in the family (birth, death, marriage ...) for a roster update.",
    "roster_change_unknown": "Unknown roster change(s): {changes}.",
    "override_supervisor_only": "NADRA has blocked this CNIC: only a supervisor can override the block.",
    "override_reason_needed": "Give the reason for overriding the block (at least {n} characters).",
    "permission_denied": "Signed in as {role}, you may not {permission}.",
    "not_your_counter": "{username} is not assigned to this counter.",
    "admin_exists": "An administrator already exists; sign in instead.",
}

# Why a visitor does or does not qualify for an update type, by ``Eligibility.code``
# (``services.triage.rules``); ``{name}`` placeholders take the verdict's params.
REASON_TEMPLATES: dict[str, str] = {
    "not_registered": "Not in the registry: a full survey registers the household.",
    "already_registered": "Already in the registry; a missed-out survey is only for new households.",
    "roster_ok": "Registered household: members, marital status, disability, contact or address can be updated.",
    "register_first": "Not in the registry: register the household first (missed-out survey).",
    "shock_ok": "Lives in {area}, a notified shock area: complete re-survey.",
    "no_shock": "{area} is not under a shock notification.",
    "appeal_off": "Appeals against the cut-off are not launched (switched off by policy).",
    "appeal_ok": "Score {score} is above the cut-off {cut_off} but within the appeal limit {limit}.",
    "appeal_beneficiary": "Already a beneficiary (score {score} at or below the cut-off {cut_off}); nothing to appeal.",
    "appeal_too_high": "Score {score} is above the appeal limit {limit}.",
    "no_score": "The registry holds no poverty score for this household.",
    "cyclic_ok": "Non-beneficiary (score {score} above {cut_off}); last survey {last} is {years} or more years ago.",
    "cyclic_wait": "Last survey {last}: a cyclic update is allowed from {when}.",
    "cyclic_beneficiary": "Beneficiary (score {score} at or below {cut_off}): recertification applies, not a cyclic update.",
    "recert_ok": "Beneficiary (score {score} at or below {cut_off}); last survey {last} is {years} or more years ago.",
    "recert_wait": "Last survey {last}: recertification is due from {when}.",
    "recert_not_beneficiary": "Not a beneficiary (score {score} above {cut_off}); recertification is for beneficiaries.",
    "blocked": "The identity authority has blocked this CNIC: send the visitor to the supervisor.",
    "no_survey_date": "The registry holds no last survey date, so the period cannot have run; a re-survey is allowed.",
    "identity_unknown": "NADRA does not know this CNIC: check the card for a typo; no household can be registered on it.",
}

# Why a text is not a CNIC, by ``services.cnic.CnicProblem`` (``{n}``: digits found, ``{bad}``: the
# character not allowed).
CNIC_PROBLEM_EN: dict[str, str] = {
    "empty": "Type or scan the 13-digit CNIC.",
    "too_short": "Too short: {n} digits; a CNIC has 13.",
    "too_long": "Too long: {n} digits; a CNIC has 13.",
    "letters": "Only digits and dashes: '{bad}' is not allowed in a CNIC.",
    "dashes": "Dashes go after the 5th and 12th digit: 12345-1234567-1.",
    "leading_zero": "A CNIC never starts with 0; check the first digit.",
    "ambiguous": "The scanned code holds more than one 13-digit number; type the CNIC instead.",
}

# What a site health check found (``services.doctor.CheckResult.code``) and how to fix it
# (``fix_code``); ``{name}`` placeholders take the result's ``params``. ``drc-console doctor`` prints
# the English; the Diagnostics page shows them translated (``console.names.finding_text``).
DOCTOR_FINDINGS: dict[str, str] = {
    "db_missing": "{path} does not exist",
    "db_damaged": "{path} {problem}",
    "db_unreadable": "cannot read the database ({error})",
    "db_old_schema": "schema {revisions} is not the newest",
    "db_pg_ok": "PostgreSQL store reachable, newest schema",
    "db_ok": "integrity ok, newest schema, {size} MB, WAL {wal} MB",
    "disk_unreadable": "cannot read free space of {folder} ({error})",
    "disk_free": "{free} MB free on the drive of {folder}",
    "printer_not_set_up": "{where}: not set up ({error})",
    "printer_unreachable": "{where}: not reachable ({error})",
    "printer_ready": "{where}: ready, paper loaded",
    "printer_no_status": "{where}: connected, but this connection does not report status or paper",
    "printer_paper_low": "{where}: paper nearly out",
    "printer_paper_out": "{where}: out of paper",
    "printer_offline": "{where}: offline (cover open or an error)",
    "hub_unreachable": "{url}: not reachable ({error})",
    "hub_unwell": "{url}: answered HTTP {status} to a health check",
    "hub_no_key": "{url}: reachable, but no site key is configured",
    "hub_stopped": "{url}: stopped answering ({error})",
    "hub_key_refused": "{url}: reachable, but the site key was refused (HTTP {status})",
    "hub_ok_no_clock": "{url}: reachable, site key accepted, clock not compared (no Date header)",
    "hub_ok": "{url}: reachable, site key accepted, clocks differ by {skew} s",
    "font_missing": "slip font {path} missing or unreadable ({error})",
    "font_not_listed": "slip font {family}; system fonts not listed on this platform",
    "font_list_failed": "slip font {family}; could not list system fonts ({error})",
    "font_no_urdu": "slip font {family}; no system font covers Urdu, so the window may show boxes",
    "font_ok": "slip font {family}; {count} system fonts cover Urdu (e.g. {example})",
    "zone_unknown": "time zone {zone} is not known on this PC",
    "zone_differs": "this PC runs at {pc}, the site at {site} ({zone})",
    "zone_ok": "{zone}, and this PC agrees ({site})",
    "folder_missing": "{folder} does not exist",
    "folder_read_only": "{folder} is not writable by this account",
    "folder_writable": "{folder} writable",
    "folder_open": "readable or writable by other accounts: {files}",
    "folder_ok": "{folder} writable; database and configuration readable by this account only",
    "check_crashed": "the check itself failed: {error}",
}

DOCTOR_FIXES: dict[str, str] = {
    "db_upgrade_or_restore": "run {upgrade} or restore a backup",
    "db_restore": "restore the newest backup: {restore}",
    "db_config": "check {setting}, or run {upgrade}",
    "db_upgrade": "run {upgrade} (it takes a backup first)",
    "db_wal": "the write-ahead log is large: close other consoles for a moment so SQLite can checkpoint it, "
              "or restart the console",
    "disk_check": "check the drive",
    "disk_now": "free space now: the queue stops when the disk is full (delete old files, move backups to a USB stick)",
    "disk_soon": "free some space soon (old backups, downloads)",
    "printer_choose": "choose the printer on the Printer page ([printer] settings)",
    "printer_power": "switch the printer on, check its cable or network address ([printer] settings), then reprint "
                     "any slips marked 'not printed'",
    "printer_test": "print a test slip from the Printer page to be sure",
    "paper_soon": "load a new paper roll soon",
    "paper_now": "load a new paper roll",
    "printer_cover": "close the cover; switch the printer off and on",
    "hub_network": "the site keeps working offline (tokens are issued unverified); check the network cable or Wi-Fi "
                   "and [hub] url",
    "hub_help_desk": "the hub is unwell; tell the central help desk",
    "hub_enter_key": "enter the site key from the centre ([hub] api_key)",
    "try_again": "try again in a moment",
    "hub_ask_key": "ask the centre for this site's key and enter it in [hub] api_key",
    "clock_set": "set this PC's date and time (automatic time, zone Asia/Karachi)",
    "clock_auto": "turn on automatic time on this PC",
    "reinstall_fonts": "reinstall DRC Console (the font ships in resources/fonts)",
    "install_noto": "install Noto fonts (Debian/Ubuntu: {command})",
    "reinstall_tzdata": "reinstall DRC Console (it needs the {package} package)",
    "zone_set": "the console shows site time anyway; set the PC's zone to Pakistan so logs and file times match",
    "folder_create": "start the console once, or create the folder",
    "folder_access": "give the console's account write access",
    "folder_chmod": "{command} on those files (700 on the folder): they hold CNICs and the site key",
}

# What went wrong with a call to the central registry (``services.registry.RegistryProblem.reason``),
# and what the supervisor should expect after it (``{after}``: one of ``REGISTRY_AFTER``).
REGISTRY_TEMPLATES: dict[str, str] = {
    "timeout": "The central registry did not answer within {seconds} s; {after}.",
    "tls": "The central registry's TLS certificate was not accepted ({url}); ask the administrator to check "
           "[hub] url and the certificate.",
    "unreachable": "The central registry cannot be reached ({host}); check the network; {after}.",
    "failed": "The call to the central registry failed ({error}); {after}.",
    "server": "The central registry has a problem (HTTP {status}{detail}); {after}.",
    "key_refused": "The central registry refused this site's API key (HTTP {status}); ask the administrator to "
                   "check [hub] api_key in the configuration.",
    "rejected": "The central registry rejected the request (HTTP {status}{detail}).",
    "not_json": "The central registry sent an unreadable answer (not JSON, HTTP {status}) to {call}; report it "
                "to the registry team; {after}.",
    "contract": "The central registry's answer does not match the agreed contract ({shape}: {where}); report it "
                "to the registry team; {after}.",
    "not_configured": "No central registry is configured ([hub] url); pick the update type by hand.",
}

REGISTRY_AFTER: dict[str, str] = {
    "lookup": "the token will be issued unverified and checked when the network is back",
    "upload": "the site keeps working and the upload is retried automatically",
    "query": "try again in a moment",
}

# Why a survey (or a DEO, or the site) is flagged (``services.quality.Flag.reason``); ``{name}``
# placeholders take the flag's ``params``. The limits are illustrative, not BISP's: the texts say so.
FLAG_REASONS: dict[str, str] = {
    "duration_invalid": "Submitted {minutes} min before it was started: check the tablet clock.",
    "duration_short": "Survey took {minutes} min; under {limit} min (an illustrative limit, not BISP's) or far "
                      "below the site's usual time suggests questions were skipped.",
    "duration_short_typical": "Survey took {minutes} min (site typical {typical} min); under {limit} min (an "
                              "illustrative limit, not BISP's) or far below the site's usual time suggests "
                              "questions were skipped.",
    "duration_long": "Survey took {minutes} min; over {limit} min (an illustrative limit, not BISP's) or far above "
                     "the site's usual time: interrupted or left open?",
    "duration_long_typical": "Survey took {minutes} min (site typical {typical} min); over {limit} min (an "
                             "illustrative limit, not BISP's) or far above the site's usual time: interrupted or "
                             "left open?",
    "geo_far_km": "Tablet was {distance} km from the site (illustrative limit {limit} m): the survey may not have "
                  "been taken at the DRC.",
    "geo_far_m": "Tablet was {distance} m from the site (illustrative limit {limit} m): the survey may not have "
                 "been taken at the DRC.",
    "address_short": "Address has {chars} characters (illustrative minimum {minimum}): a full address names "
                     "house/street, village or mohalla, union council and city.",
    "address_parts": "Address is missing: {parts}.",
    "assets_no_rooms": "No living room recorded, yet the household owns {owned}: check the rooms answer.",
    "assets_ac_no_fridge": "Air conditioner recorded without a fridge: check the appliance answers.",
    "assets_rooms_excess": "{rooms} rooms for {members} member(s): members may have been left out.",
    "household_empty": "No household members recorded.",
    "duplicate_cnic": "Same CNIC as survey {survey}: possibly registered twice.",
    "duplicate_phone": "Same mobile number as survey {survey}: possibly registered twice.",
    "duplicate_address": "Same address as survey {survey}: possibly registered twice.",
    "household_small_deo": "{who}'s average household today is {average} members against the region's "
                           "{reference} (flagged below an illustrative {ratio} x): members may have been left out.",
    "household_small_site": "The site's average household today is {average} members against the region's "
                            "{reference} (flagged below an illustrative {ratio} x): members may have been left out.",
    "outlier_flag_rate": "flags {value} of surveys (site DEOs typically {typical})",
    "outlier_median_minutes": "median survey {value} min (site DEOs typically {typical} min)",
    "outlier_avg_household_size": "average household {value} (site DEOs typically {typical})",
}

# The words a flag's list parameters are made of (``parts`` and ``owned``), translated one by one.
FLAG_WORDS: tuple[str, ...] = ("house/street", "village/mohalla", "union council", "city", "land", "livestock",
                               "a car", "an AC")

# The audit trail's actions as people read them (``AuditEntry.action``); the code stays in the record.
AUDIT_ACTIONS: dict[str, str] = {
    "account_locked": "Account locked",
    "account_unlocked": "Account unlocked",
    "config_changed": "Settings changed",
    "counter_added": "Counter added",
    "counter_assigned": "DEO assigned to a counter",
    "counter_state": "Counter opened, paused or closed",
    "counter_types": "Counter's update types changed",
    "day_closed": "Day closed",
    "day_opened": "Day opened",
    "day_reopened": "Day reopened",
    "first_admin_created": "First administrator created",
    "identity_override": "NADRA block overridden",
    "secret_set": "PIN or password set",
    "sign_in": "Signed in",
    "sign_in_failed": "Sign-in refused",
    "slip_reprinted": "Slip reprinted",
    "staff_active": "Staff account switched on or off",
    "staff_created": "Staff account created",
    "token_cancelled": "Token cancelled",
    "token_transferred": "Token transferred",
}

# What the audit chain check found wrong with a record (``services.audit.ChainReport.findings``).
CHAIN_PROBLEMS: dict[str, str] = {
    "outside": "record {id} ({action}) is outside the chain",
    "unlinked": "record {id} ({action}): the record before it was removed or changed",
    "edited": "record {id} ({action}, {actor}) was edited",
}

# What a visitor says changed in the family (``services.triage.ROSTER_CHANGES``, a roster update).
ROSTER_CHANGE_EN: dict[str, str] = {
    "birth": "Birth (add a child)",
    "death": "Death (remove a member)",
    "marriage": "Marriage",
    "divorce": "Divorce",
    "disability": "Disability",
    "gender": "Gender",
    "contact": "Contact (phone)",
    "address": "Address",
}

# A member's relation to the household head, as the registry sends it (``services.registry.Member``).
RELATION_EN: dict[str, str] = {
    "head": "Head",
    "spouse": "Spouse",
    "son": "Son",
    "daughter": "Daughter",
    "father": "Father",
    "mother": "Mother",
    "other": "Other",
}
