"""First-run setup of a site PC: the DRC directory, printers found on the PC, and applying the choices.

The first-run wizard (``console/setup_wizard.py``) asks; this module knows the 617 DRCs (by
region, district and tehsil), finds USB printers and CUPS queues, and turns the answers into the
configuration file (0600) and an initialised site database with its counters and first admin.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from db.engine import Store
from db.migrate import upgrade
from db.models import Counter, CounterState, UpdateType
from services.auth import AuthService
from services.clock import Clock
from services.config import Config, PrinterSection, save_config
from services.hub.reference import SiteRow
from services.hub.reference import sites as reference_sites
from services.provision import ensure_site

USB_PRINTER_CLASS = "07"  # USB interface class of printers


class SiteDirectory:
    """The DRCs by region -> district -> tehsil, in alphabetical order at each level."""

    def __init__(self, sites: Iterable[SiteRow]) -> None:
        self.all = sorted(sites, key=lambda s: (s.region, s.district, s.tehsil, s.site_id))

    @classmethod
    def load(cls) -> SiteDirectory:
        """The reference list (``resources/sites.csv``, read by the hub's reference module)."""
        return cls(reference_sites())

    def regions(self) -> list[str]:
        """Every region, once."""
        return sorted({s.region for s in self.all})

    def districts(self, region: str) -> list[str]:
        """The districts of ``region``."""
        return sorted({s.district for s in self.all if s.region == region})

    def tehsils(self, region: str, district: str) -> list[str]:
        """The tehsils of a district."""
        return sorted({s.tehsil for s in self.all if s.region == region and s.district == district})

    def sites(self, region: str, district: str, tehsil: str) -> list[SiteRow]:
        """The DRCs of a tehsil (one or more)."""
        return [s for s in self.all if (s.region, s.district, s.tehsil) == (region, district, tehsil)]

    def get(self, site_id: str) -> SiteRow | None:
        """The DRC with this id."""
        return next((s for s in self.all if s.site_id == site_id), None)


@dataclass(frozen=True)
class UsbPrinter:
    """A USB device that says it is a printer."""

    vendor: int
    product: int
    name: str


def usb_printers(sysfs: Path = Path("/sys/bus/usb/devices")) -> list[UsbPrinter]:
    """USB printers attached to this PC (Linux sysfs; empty elsewhere)."""
    found: dict[tuple[int, int], UsbPrinter] = {}
    if not sysfs.is_dir():
        return []
    for iface in sorted(sysfs.glob("*:*")):
        try:
            if (iface / "bInterfaceClass").read_text(encoding="ascii").strip() != USB_PRINTER_CLASS:
                continue
            device = iface.parent if (iface.parent / "idVendor").exists() else sysfs / iface.name.split(":")[0]
            vendor = int((device / "idVendor").read_text(encoding="ascii").strip(), 16)
            product = int((device / "idProduct").read_text(encoding="ascii").strip(), 16)
        except (OSError, ValueError):
            continue
        parts = [(device / f).read_text(encoding="utf-8", errors="replace").strip()
                 for f in ("manufacturer", "product") if (device / f).exists()]
        found[(vendor, product)] = UsbPrinter(vendor, product, " ".join(p for p in parts if p) or "USB printer")
    return list(found.values())


def cups_queues(lpstat: str | None = None) -> list[str]:
    """Printer queues CUPS knows on this PC (``lpstat -e``); empty without CUPS."""
    exe = lpstat if lpstat is not None else shutil.which("lpstat")
    if not exe:
        return []
    try:
        out = subprocess.run([exe, "-e"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.strip() for line in out.stdout.splitlines() if line.strip()}) if out.returncode == 0 else []


@dataclass
class SetupPlan:
    """Everything the wizard asked, ready to apply."""

    language: str
    site: SiteRow
    hub_url: str
    hub_key: str
    printer: PrinterSection
    admin_username: str
    admin_name: str
    admin_secret: str = field(repr=False)
    counters: list[list[UpdateType]] = field(default_factory=list)
    database_url: str = ""


def apply_setup(plan: SetupPlan, config_path: Path, clock: Clock, base: Config | None = None) -> Config:
    """Initialise the database (schema, site, first admin, counters), then write the configuration (0600).

    A refused plan (a PIN too short, no counter types) raises before the configuration is written,
    so the next start shows the wizard again instead of a half-configured site. Settings the wizard
    does not ask about are kept from ``base`` (``--setup`` on a configured PC).
    """
    if not plan.counters or any(not types for types in plan.counters):
        raise ValueError("Every counter needs at least one update type")
    cfg = copy.deepcopy(base) if base is not None else Config()
    cfg.ui.language = plan.language
    cfg.site.id, cfg.site.name = plan.site.site_id, plan.site.name
    cfg.hub.url, cfg.hub.api_key = plan.hub_url.strip(), plan.hub_key.strip()
    cfg.printer = plan.printer
    cfg.database.url = plan.database_url
    upgrade(plan.database_url or None)
    store = Store.open(plan.database_url or None)
    try:
        s = plan.site
        ensure_site(store, s.site_id, s.name, region=s.region, district=s.district, tehsil=s.tehsil, lat=s.lat, lon=s.lon)
        auth = AuthService(store, clock, site_id=s.site_id)
        if auth.needs_first_admin():
            auth.create_first_admin(plan.admin_username, plan.admin_name, plan.admin_secret)
        with store.session() as ses, ses.begin():
            if ses.scalar(select(func.count(Counter.id)).where(Counter.site_id == s.site_id)) == 0:
                for n, types in enumerate(plan.counters, start=1):
                    ses.add(Counter(site_id=s.site_id, number=n, label=f"Counter {n}",
                                    served_types=[t.value for t in types], state=CounterState.CLOSED))
    finally:
        store.dispose()
    save_config(cfg, config_path)
    return cfg
